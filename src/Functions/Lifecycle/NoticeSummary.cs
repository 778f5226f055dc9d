namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// A notice as people are shown it: what, when, and to whom. For a scheduled notice <paramref name="At"/> is when
/// it is due; for a sent one, when it went out.
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="At">The instant (UTC).</param>
/// <param name="To">Who it goes to, as people read it: names, or an office's name; never an address, id or link.</param>
// WARNING: the status rows store this shape as JSON (StatusProjection): renaming a member breaks stored rows.
public sealed record NoticeSummary(NoticeKind Kind, DateTimeOffset At, IReadOnlyList<string> To);
