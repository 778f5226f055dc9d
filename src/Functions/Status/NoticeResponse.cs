using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// A notice of a regulation as the status and the timeline show it: what (<c>Kind</c>, and <c>KindLabel</c> in
/// Vietnamese), to whom (<c>To</c>: names or an office's name), when (<c>At</c> in UTC; <c>AtText</c> the same
/// instant in Vietnam time, dd/MM/yyyy HH:mm), and whether it is only scheduled (<c>IsScheduled</c>, "Dự kiến") or
/// was sent ("Đã gửi", <c>At</c> being when it went out). A scheduled notice goes out only if its stage still waits
/// then, to whoever is still due.
/// </summary>
public sealed record NoticeResponse(
    NoticeKind Kind,
    string KindLabel,
    IReadOnlyList<string> To,
    DateTimeOffset At,
    string AtText,
    bool IsScheduled,
    string StateLabel)
{
    public const string ScheduledLabel = "Dự kiến";
    public const string SentLabel = "Đã gửi";

    public static NoticeResponse Scheduled(NoticeSummary notice) => From(notice, isScheduled: true);

    public static NoticeResponse Sent(NoticeSummary notice) => From(notice, isScheduled: false);

    private static NoticeResponse From(NoticeSummary notice, bool isScheduled)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new(notice.Kind, StatusText.Notice(notice.Kind), notice.To, notice.At, QuyCheWorkflow.Domain.Calendar.VietnamTime.FormatDateTime(notice.At),
            isScheduled, isScheduled ? ScheduledLabel : SentLabel);
    }
}
