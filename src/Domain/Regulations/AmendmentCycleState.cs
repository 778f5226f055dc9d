namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>Everything an <see cref="AmendmentCycle"/> holds, as plain data for persistence.</summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record AmendmentCycleState(
    string Id,
    string RegulationId,
    AmendmentReason Reason,
    IReadOnlyList<string> Reasons,
    DateTimeOffset StartedAt,
    DraftingCycleState Cycle,
    AmendmentStatus Status,
    string? FilingId);
