namespace QuyCheWorkflow.Domain.Reviews;

/// <summary>One overdue notice to send: to whom and at what instant (UTC).</summary>
public sealed record OverdueNotice(OverdueAudience Audience, DateTimeOffset At);
