using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The roll-up as CSV for spreadsheets (<see cref="CsvFile"/>): headers in Vietnamese, dates as dd/MM/yyyy and
/// instants in Vietnam time.
/// <para>
/// The separator is a comma. Excel splits a CSV it opens on the list separator of Windows' regional settings, and
/// for Vietnamese (vi-VN) that is a comma, though the decimal separator is one too: Windows' locale data sets no
/// list separator of its own for vi-VN (it keeps the default ","), and .NET, whose <c>TextInfo.ListSeparator</c>
/// has given the Windows (NLS) value on every OS since 5.0.1, answers "," for vi-VN. So no <c>sep=</c> line is
/// written: it is not needed, and Excel reading one ignores the byte-order mark and garbles the Vietnamese.
/// </para>
/// </summary>
public static class StatusCsv
{
    public const string ContentType = CsvFile.ContentType;

    public static IReadOnlyList<string> Headers { get; } =
    [
        "Mã tổ chức", "Tổ chức", "Mã viết tắt", "Loại hình", "Mã tổ chức cấp trên", "Nhiệm kỳ", "Số, ký hiệu quy chế", "Dự thảo lần",
        "Giai đoạn", "Tình trạng", "Ngày ban hành", "Ngày gửi cấp trên", "Ngày cấp trên tiếp nhận", "Rà soát gần nhất",
        "Hạn rà soát tiếp theo", "Đang chờ", "Chưa trả lời", "Quá hạn", "Chưa có quy chế",
        "Thông báo sắp gửi", "Thông báo đã gửi gần nhất", "Bị cấp trên trả lại", "Giống nhiệm kỳ trước", "Lấy ý kiến",
    ];

    public static byte[] Write(StatusReportResponse report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CsvFile.Write([Headers, .. report.Organisations.Select(Record)]);
    }

    private static IReadOnlyList<string> Record(OrganisationStatusResponse row) =>
            [
                row.OrganisationId,
                row.Name,
                row.Code,
                row.TypeLabel,
                row.ParentId ?? "",
                row.Term,
                row.RegulationNumber ?? "",
                row.DraftVersion?.ToString(CultureInfo.InvariantCulture) ?? "",
                row.StageLabel,
                row.ComplianceLabel,
                FormatDate(row.IssuedOn),
                row.FiledAt is { } filed ? VietnamTime.FormatDate(filed) : "",
                row.AcknowledgedAt is { } acknowledged ? VietnamTime.FormatDate(acknowledged) : "",
                FormatDate(row.LastReviewDate),
                FormatDate(row.NextReviewDue),
                row.PendingSummary ?? "",
                string.Join("; ", row.PendingFrom.Select(p => p.Name ?? p.Id)),
                row.IsOverdue ? "Có" : "Không",
                row.IsMissing ? "Có" : "Không",
                StatusText.NoticeCell(row.NextNotice) ?? "",
                StatusText.NoticeCell(row.LastNotice) ?? "",
                row.IsReturned ? "Có" : "Không",
                StatusText.PreviousTermLikenessCell(row) ?? "",
                StatusText.ConsultationCell(row) ?? "",
            ];

    private static string FormatDate(DateOnly? date) =>
        date is { } day ? VietnamTime.FormatDate(day) : "";
}
