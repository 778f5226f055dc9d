namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>Everything a <see cref="DraftingCycle"/> holds, as plain data for persistence.</summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record DraftingCycleState(
    string RegulationId,
    string Subject,
    DraftingStage Stage,
    IReadOnlyList<DraftVersion> Drafts,
    IReadOnlyList<string> ConsultationRoundIds,
    IReadOnlyList<string> VoteRoundIds,
    IReadOnlyList<string> VoteFailureReasons,
    Issuance? Issuance);
