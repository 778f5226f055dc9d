using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// A campaign's roll-up as a spreadsheet, in the order of the roll-up (the late first): CSV (RFC 4180, UTF-8 with a
/// byte-order mark so Excel reads Vietnamese, CRLF, a leading =, +, - or @ neutralised) and XLSX (one sheet of inline
/// strings, the same columns). Headers in Vietnamese, dates dd/MM/yyyy.
/// </summary>
public static class CampaignExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IReadOnlyList<string> Headers { get; } =
        ["Mã tổ chức", "Tổ chức", "Mã viết tắt", "Loại hình", "Tình trạng", "Giai đoạn", "Số, ký hiệu quy chế", "Ngày hoàn thành"];

    public static byte[] Csv(CampaignRollUp rollUp)
    {
        var text = new StringBuilder();
        foreach (var record in Records(rollUp))
        {
            text.AppendJoin(',', record.Select(Field)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(CampaignRollUp rollUp)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowIndex = 0;
            foreach (var record in Records(rollUp))
            {
                rowIndex++;
                var row = new Row { RowIndex = rowIndex };
                for (int i = 0; i < record.Count; i++)
                {
                    row.Append(new Cell
                    {
                        CellReference = Column(i) + rowIndex.ToString(CultureInfo.InvariantCulture),
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(record[i]) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Đợt chỉ đạo" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<IReadOnlyList<string>> Records(CampaignRollUp rollUp)
    {
        ArgumentNullException.ThrowIfNull(rollUp);
        yield return Headers;
        foreach (var member in rollUp.Members)
        {
            var compliance = member.Compliance;
            yield return
            [
                member.OrganisationId,
                member.Name,
                member.Code,
                Status.StatusText.OrganisationType(member.Type),
                CampaignText.Compliance(compliance.State),
                compliance.Stage is { } stage ? Domain.Regulations.RegulationStageText.Label(stage) : "",
                compliance.Number ?? "",
                compliance.DoneOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "",
            ];
        }
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();

    private static string Field(string field)
    {
        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula; names come from people.
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
