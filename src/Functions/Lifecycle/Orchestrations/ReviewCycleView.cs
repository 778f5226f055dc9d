namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// What the review cycle needs to know: whether its review is still the one due (not recorded, the regulation
/// still in force with this due date) and the notices of the cycle, in time order.
/// </summary>
public sealed record ReviewCycleView(bool IsCurrent, IReadOnlyList<ReviewNoticeSlot> Notices);
