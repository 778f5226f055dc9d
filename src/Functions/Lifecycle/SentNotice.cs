namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>A notice as recorded in the <see cref="NoticeLedger"/>.</summary>
/// <param name="NoticeId">Deterministic id: kind, subject, recipient and due instant.</param>
/// <param name="Kind">What it was.</param>
/// <param name="To">The address it went to.</param>
/// <param name="ScheduledFor">The instant it was due (a reminder's 08:00, a round's opening, ...).</param>
/// <param name="SentAt">When it was handed to the mail transport.</param>
/// <param name="ToName">The name it was addressed to, as shown on the timeline; null in rows recorded before names were kept.</param>
public sealed record SentNotice(string NoticeId, NoticeKind Kind, string To, DateTimeOffset ScheduledFor, DateTimeOffset SentAt, string? ToName = null);
