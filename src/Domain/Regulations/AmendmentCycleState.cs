namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>Everything an <see cref="AmendmentCycle"/> holds, as plain data for persistence.</summary>
public sealed record AmendmentCycleState(
    string Id,
    string RegulationId,
    AmendmentReason Reason,
    IReadOnlyList<string> Reasons,
    DateTimeOffset StartedAt,
    DraftingCycleState Cycle,
    AmendmentStatus Status,
    string? FilingId);
