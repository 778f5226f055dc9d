using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QuyCheWorkflow.Domain.Calendar;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The roll-up as an Excel workbook (XLSX): one sheet, a bold header row frozen above the rows, column widths set,
/// days as date cells shown dd/mm/yyyy (instants as their day in Vietnam), the rest as text kept as written, so
/// Vietnamese names arrive intact whatever the reader's regional settings.
/// </summary>
public static class StatusXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string SheetName = "Tình hình quy chế";

    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    private static readonly (string Header, double Width)[] s_columns =
    [
        ("Mã tổ chức", 16), ("Tổ chức", 44), ("Loại hình", 22), ("Nhiệm kỳ", 12), ("Giai đoạn", 28), ("Số, ký hiệu quy chế", 18),
        ("Ngày ban hành", 13), ("Ngày gửi cấp trên", 13), ("Ngày cấp trên tiếp nhận", 13), ("Rà soát gần nhất", 13),
        ("Hạn rà soát tiếp theo", 13), ("Đang chờ", 40), ("Chưa có quy chế", 10), ("Quá hạn rà soát", 10),
        ("Bị cấp trên trả lại", 10), ("Thông báo sắp gửi", 48),
    ];

    /// <summary>The column headers, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. s_columns.Select(c => c.Header)];

    public static byte[] Write(StatusReportResponse report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var rows = new SheetData();
            rows.Append(Row(1, s_columns.Select(c => Text(c.Header, HeaderStyle))));
            uint index = 2;
            foreach (var row in report.Organisations)
            {
                rows.Append(Row(index++,
                [
                    Text(row.OrganisationId),
                    Text(row.Name),
                    Text(row.TypeLabel),
                    Text(row.Term),
                    Text(row.StageLabel),
                    Text(row.RegulationNumber),
                    Date(row.IssuedOn),
                    Date(row.FiledAt is { } filed ? VietnamTime.DateOf(filed) : null),
                    Date(row.AcknowledgedAt is { } acknowledged ? VietnamTime.DateOf(acknowledged) : null),
                    Date(row.LastReviewDate),
                    Date(row.NextReviewDue),
                    Text(Pending(row)),
                    Text(row.IsMissing ? "Có" : "Không"),
                    Text(row.IsOverdue ? "Có" : "Không"),
                    Text(row.IsReturned ? "Có" : "Không"),
                    Text(row.NextNotice is { } next ? next.AtText + ": " + next.KindLabel + ", gửi " + string.Join(", ", next.To) : null),
                ]));
            }

            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new("A2")]) })
                {
                    TabSelected = true,
                    WorkbookViewId = 0,
                }),
                new Columns(s_columns.Select((c, i) => new Column
                {
                    Min = (uint)i + 1,
                    Max = (uint)i + 1,
                    Width = c.Width,
                    CustomWidth = true,
                })),
                rows);
            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName }));
        }

        return stream.ToArray();
    }

    /// <summary>The letters of the 0-based column <paramref name="index"/> (0 → A, 26 → AA).</summary>
    public static string ColumnName(int index)
    {
        string name = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string? Pending(OrganisationStatusResponse row) =>
        row.PendingSummary is null ? null
        : row.PendingFrom.Count == 0 ? row.PendingSummary
        : row.PendingSummary + ": " + string.Join(", ", row.PendingFrom.Select(p => p.Name ?? p.Id));

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        int column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(cell);
        }

        return row;
    }

    // Inline text: no shared-string part to keep in step, and Excel reads it as it reads shared strings.
    private static Cell Text(string? value, uint style = 0) => value is null
        ? new Cell()
        : new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style == 0 ? null : style,
        };

    // A spreadsheet day is a serial number (days since 30 December 1899) with a date format.
    private static Cell Date(DateOnly? day) => day is { } value
        ? new Cell { CellValue = new CellValue(value.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = DateStyle }
        : new Cell();

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true,
            }) { Count = 3 });
}
