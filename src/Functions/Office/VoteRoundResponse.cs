using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// A vote round of the standing committee as the office API returns it: the draft version voted on, the members
/// who vote, the decision rule (<c>Rule</c>, e.g. more than half of all members), the deadline and its extensions,
/// where it stands, the ballots cast and, for a vote held at a meeting, its result.
/// </summary>
public sealed record VoteRoundResponse(
    string Id,
    string RegulationId,
    int DraftVersion,
    IReadOnlyList<CommitteeMemberResponse> Members,
    string Rule,
    DateTimeOffset OpenedAt,
    DateTimeOffset Deadline,
    VoteRoundStatus Status,
    DateTimeOffset? DecidedAt,
    DecisionSource? DecidedBy,
    InPersonResultResponse? InPersonResult,
    IReadOnlyList<BallotResponse> Ballots,
    IReadOnlyList<DeadlineExtensionResponse> Extensions)
{
    public static VoteRoundResponse From(VoteRoundState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            state.Id,
            state.RegulationId,
            state.DraftVersion,
            [.. state.Members.Select(m => new CommitteeMemberResponse(m.MemberId, m.FullName, m.Email, m.Role.ToString()))],
            state.RuleCode,
            ApiInstant.Of(state.OpenedAt),
            ApiInstant.Of(state.Deadline),
            state.Status,
            ApiInstant.Of(state.DecidedAt),
            state.DecidedBy,
            state.InPersonResult is { } result ? InPersonResultResponse.From(result) : null,
            [.. state.Ballots.Select(BallotResponse.From)],
            [.. state.Extensions.Select(DeadlineExtensionResponse.From)]);
    }
}
