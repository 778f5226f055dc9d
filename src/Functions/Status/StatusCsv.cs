using System.Globalization;
using System.Text;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Mail;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The roll-up as CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so Excel reads Vietnamese,
/// CRLF line ends, every field quoted when it holds a comma, quote or line break, headers in Vietnamese, dates
/// as dd/MM/yyyy and instants in Vietnam time.
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
    public const string ContentType = "text/csv; charset=utf-8";

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
        var text = new StringBuilder();
        AppendRecord(text, Headers);
        foreach (var row in report.Organisations)
        {
            AppendRecord(text,
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
                Notice(row.NextNotice),
                Notice(row.LastNotice),
                row.IsReturned ? "Có" : "Không",
                StatusText.PreviousTermLikenessCell(row) ?? "",
                StatusText.ConsultationCell(row) ?? "",
            ]);
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    // "10/12/2026 08:00: Nhắc biểu quyết, gửi Nguyễn Văn An, Trần Thị Bình".
    private static string Notice(NoticeResponse? notice) =>
        notice is null ? "" : notice.AtText + ": " + notice.KindLabel + ", gửi " + string.Join(", ", notice.To);

    private static string FormatDate(DateOnly? date) =>
        date is { } day ? VietnamTime.FormatDate(day) : "";

    private static void AppendRecord(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            AppendField(text, fields[i]);
        }

        text.Append("\r\n");
    }

    private static void AppendField(StringBuilder text, string field)
    {
        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula; names come from people.
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }

        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(field);
            return;
        }

        text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
