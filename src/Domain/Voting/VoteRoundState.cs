using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Voting;

/// <summary>
/// Everything a <see cref="VoteRound"/> holds, as plain data for a table row or JSON column.
/// <see cref="VoteRound.ToState"/> produces it; <see cref="VoteRound.FromState"/> rebuilds the round.
/// </summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record VoteRoundState(
    string Id,
    string RegulationId,
    int DraftVersion,
    IReadOnlyList<CommitteeMember> Members,
    string RuleCode,
    DateTimeOffset OpenedAt,
    DateTimeOffset Deadline,
    VoteRoundStatus Status,
    DateTimeOffset? DecidedAt,
    DecisionSource? DecidedBy,
    InPersonResult? InPersonResult,
    IReadOnlyList<Ballot> Ballots,
    IReadOnlyList<DeadlineExtension> Extensions);
