namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>One notice of a review cycle: a reminder (14 / 3 / 0 days ahead) or an overdue notice.</summary>
public sealed record ReviewNoticeSlot(DateTimeOffset At, NoticeKind Kind);
