using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>The organisation after a member was replaced, and the open vote rounds whose seat changed hands.</summary>
public sealed record MemberReplacementResponse(OrganisationResponse Organisation, IReadOnlyList<VoteSeatResponse> VoteRounds)
{
    public static MemberReplacementResponse From(CommitteeMemberReplacement replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return new(
            OrganisationResponse.From(replacement.Organisation),
            [.. replacement.VoteRounds.Select(r => new VoteSeatResponse(
                r.RegulationId,
                r.Change.VoteRoundId,
                r.Change.RemovedBallot?.Choice.ToString(),
                r.Change.StatusBefore.ToString(),
                r.Change.StatusAfter.ToString(),
                r.Change.Description))]);
    }
}
