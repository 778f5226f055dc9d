using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// The <i>bảng tổng hợp tiếp thu, giải trình ý kiến</i> of a consultation round as a Word document (DOCX), the paper
/// that goes to the standing committee with the draft: the national Party heading beside the committee's name, the
/// title, the regulation it is about, then a table STT / Điều / Nội dung góp ý / Đơn vị, cá nhân góp ý / Tiếp thu,
/// giải trình with one row per comment. Built in memory; pure and thread-safe.
/// </summary>
public static class ResolutionTableDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string Title = "BẢNG TỔNG HỢP TIẾP THU, GIẢI TRÌNH Ý KIẾN";

    public const string PartyHeading = "ĐẢNG CỘNG SẢN VIỆT NAM";

    /// <summary>The column headings of the table, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["STT", "Điều", "Nội dung góp ý", "Đơn vị, cá nhân góp ý", "Tiếp thu, giải trình"];

    // Column widths in twentieths of a point, for a portrait A4 page with 2 cm margins (about 9,600 twips wide).
    private static readonly int[] s_widths = [600, 1000, 3200, 1800, 3000];

    /// <summary>The document's bytes.</summary>
    /// <param name="committeeName">The committee whose office drew the table up ("Đảng ủy Sở Tài chính").</param>
    /// <param name="regulationTitle">The regulation's title.</param>
    /// <param name="subtitle">A line under the title: the draft and the round ("Dự thảo lần 2; lấy ý kiến từ … đến …").</param>
    /// <param name="dateLine">The place-and-date line under the Party heading.</param>
    /// <param name="rows">The comments, in the order they are numbered.</param>
    public static byte[] Build(string committeeName, string regulationTitle, string subtitle, string dateLine, IReadOnlyList<ResolutionTableRow> rows)
    {
        ArgumentNullException.ThrowIfNull(committeeName);
        ArgumentNullException.ThrowIfNull(regulationTitle);
        ArgumentNullException.ThrowIfNull(rows);
        using MemoryStream stream = new();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            Body body = new();
            body.Append(Heading(committeeName, dateLine));
            body.Append(Paragraph(Title, bold: true, size: 28, centred: true, spaceBefore: 360));
            body.Append(Paragraph("góp ý dự thảo " + regulationTitle, bold: true, size: 26, centred: true));
            body.Append(Paragraph(subtitle, italic: true, size: 24, centred: true, spaceAfter: 240));
            body.Append(Table(rows));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1418U, Right = 1134U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    // The usual two-column heading of a Party document, without borders: the committee on the left, the national
    // Party heading and the date on the right.
    private static Table Heading(string committeeName, string dateLine)
    {
        Table table = new(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        TableRow row = new();
        row.Append(new TableCell(
            new TableCellProperties(new TableCellWidth { Width = "4200", Type = TableWidthUnitValues.Dxa }),
            Paragraph(committeeName.ToUpperInvariant(), bold: true, size: 26, centred: true),
            Paragraph("*", size: 26, centred: true)));
        row.Append(new TableCell(
            new TableCellProperties(new TableCellWidth { Width = "5400", Type = TableWidthUnitValues.Dxa }),
            Paragraph(PartyHeading, bold: true, underline: true, size: 28, centred: true),
            Paragraph(dateLine, italic: true, size: 26, centred: true)));
        table.Append(row);
        return table;
    }

    private static Table Table(IReadOnlyList<ResolutionTableRow> rows)
    {
        BorderType Line<TBorder>() where TBorder : BorderType, new() => new TBorder { Val = BorderValues.Single, Size = 4U, Color = "000000" };
        Table table = new(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                Line<TopBorder>(), Line<BottomBorder>(), Line<LeftBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid([.. s_widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));

        TableRow header = new(new TableRowProperties(new TableHeader()));
        for (int i = 0; i < Columns.Count; i++)
        {
            header.Append(Cell(Columns[i], s_widths[i], bold: true, centred: true));
        }

        table.Append(header);
        for (int n = 0; n < rows.Count; n++)
        {
            var item = rows[n];
            string[] texts = [(n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), item.Article, item.Comment, item.CommentedBy, item.Resolution];
            TableRow row = new();
            for (int i = 0; i < texts.Length; i++)
            {
                row.Append(Cell(texts[i], s_widths[i], centred: i < 2));
            }

            table.Append(row);
        }

        return table;
    }

    private static TableCell Cell(string text, int width, bool bold = false, bool centred = false)
    {
        TableCell cell = new(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        // One paragraph per line of the text, so a multi-line comment keeps its lines.
        foreach (string line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            cell.Append(Paragraph(line, bold: bold, size: 24, centred: centred));
        }

        return cell;
    }

    private static Paragraph Paragraph(string text, bool bold = false, bool italic = false, bool underline = false, int size = 26,
        bool centred = false, int spaceBefore = 0, int spaceAfter = 60)
    {
        RunProperties run = new(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" });
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        if (underline)
        {
            run.Append(new Underline { Val = UnderlineValues.Single });
        }

        run.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        ParagraphProperties properties = new(new SpacingBetweenLines
        {
            Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After = spaceAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        if (centred)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }

        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
