using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// A campaign's roll-up as a spreadsheet, in the order of the roll-up (the late first): CSV (<see cref="CsvFile"/>) and XLSX (one
/// <see cref="Spreadsheet"/> sheet of text, the same columns). Headers in Vietnamese, dates dd/MM/yyyy. Besides the
/// compliance, each line carries the member's copy and quality figures: how alike its current text is to the previous
/// term's regulation ("94 %", or why it was not measured), whether that counts as copied, and whether its latest
/// closed consultation counts as held for form ("Có" / "Không"; empty when there is no text or no closed consultation).
/// The final report of a closed campaign is the XLSX, so it carries them too.
/// </summary>
public static class CampaignExport
{
    public const string CsvContentType = CsvFile.ContentType;
    public const string XlsxContentType = Spreadsheet.ContentType;

    public const string SheetName = "Đợt chỉ đạo";

    private static readonly SpreadsheetColumn[] s_columns =
    [
        new("Mã tổ chức", 16), new("Tổ chức", 44), new("Mã viết tắt", 14), new("Loại hình", 22), new("Tình trạng", 20),
        new("Giai đoạn", 28), new("Số, ký hiệu quy chế", 18), new("Ngày hoàn thành", 13),
        new("Giống quy chế nhiệm kỳ trước", 22), new("Sao chép nhiệm kỳ trước", 14), new("Lấy ý kiến hình thức", 14),
    ];

    public static IReadOnlyList<string> Headers { get; } = [.. s_columns.Select(c => c.Header)];

    public static byte[] Csv(CampaignRollUp rollUp) => CsvFile.Write(Records(rollUp));

    public static byte[] Xlsx(CampaignRollUp rollUp) =>
        Spreadsheet.Write(SheetName, s_columns, Records(rollUp).Skip(1).Select(record => (IReadOnlyList<SpreadsheetCell>)[.. record.Select(SpreadsheetCell.Text)]));

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
                compliance.DoneOn is { } doneOn ? VietnamTime.FormatDate(doneOn) : "",
                member.Likeness?.PreviousTerm.Label ?? "",
                CampaignText.Flag(member.Likeness is null ? null : member.IsCopiedFromPreviousTerm),
                CampaignText.Flag(member.LastConsultation is null ? null : member.IsConsultationFormal),
            ];
        }
    }
}
