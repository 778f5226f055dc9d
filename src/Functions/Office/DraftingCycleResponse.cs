using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// One drafting cycle (the original text, or an amendment) as the office API returns it: its stage, its drafts
/// oldest first, the consultation and vote rounds it opened (their ids, oldest first), the reasons of its last
/// failed vote and its issuance once issued.
/// </summary>
public sealed record DraftingCycleResponse(
    DraftingStage Stage,
    IReadOnlyList<DraftResponse> Drafts,
    IReadOnlyList<string> ConsultationRoundIds,
    IReadOnlyList<string> VoteRoundIds,
    IReadOnlyList<string> VoteFailureReasons,
    IssuanceResponse? Issuance)
{
    public static DraftingCycleResponse From(DraftingCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return new(
            cycle.Stage,
            [.. cycle.Drafts.Select(DraftResponse.From)],
            [.. cycle.ConsultationRoundIds],
            [.. cycle.VoteRoundIds],
            [.. cycle.VoteFailureReasons],
            cycle.Issuance is { } issuance ? IssuanceResponse.From(issuance) : null);
    }
}
