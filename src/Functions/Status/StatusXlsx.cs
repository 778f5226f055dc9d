using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Web;
using static QuyCheWorkflow.Functions.Web.SpreadsheetCell;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The roll-up as an Excel workbook (XLSX): one sheet, a bold header row frozen above the rows, column widths set,
/// days as date cells shown dd/mm/yyyy (instants as their day in Vietnam), the rest as text kept as written, so
/// Vietnamese names arrive intact whatever the reader's regional settings.
/// </summary>
public static class StatusXlsx
{
    public const string ContentType = Spreadsheet.ContentType;

    public const string SheetName = "Tình hình quy chế";

    private static readonly SpreadsheetColumn[] s_columns =
    [
        new("Mã tổ chức", 16), new("Tổ chức", 44), new("Loại hình", 22), new("Nhiệm kỳ", 12), new("Giai đoạn", 28),
        new("Số, ký hiệu quy chế", 18), new("Ngày ban hành", 13), new("Ngày gửi cấp trên", 13), new("Ngày cấp trên tiếp nhận", 13),
        new("Rà soát gần nhất", 13), new("Hạn rà soát tiếp theo", 13), new("Đang chờ", 40), new("Chưa có quy chế", 10),
        new("Quá hạn rà soát", 10), new("Bị cấp trên trả lại", 10), new("Thông báo sắp gửi", 48),
        new("Giống nhiệm kỳ trước", 16), new("Lấy ý kiến", 22),
    ];

    /// <summary>The column headers, in order.</summary>
    public static IReadOnlyList<string> Headers { get; } = [.. s_columns.Select(c => c.Header)];

    public static byte[] Write(StatusReportResponse report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Spreadsheet.Write(SheetName, s_columns, report.Organisations.Select(row => (IReadOnlyList<SpreadsheetCell>)
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
            Text(StatusText.NoticeCell(row.NextNotice)),
            Text(StatusText.PreviousTermLikenessCell(row)),
            Text(StatusText.ConsultationCell(row)),
        ]));
    }

    private static string? Pending(OrganisationStatusResponse row) =>
        row.PendingSummary is null ? null
        : row.PendingFrom.Count == 0 ? row.PendingSummary
        : row.PendingSummary + ": " + string.Join(", ", row.PendingFrom.Select(p => p.Name ?? p.Id));
}
