using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>What replacing a committee member changed: the organisation as saved, and the seat in each open vote round.</summary>
public sealed record CommitteeMemberReplacement(Organisation Organisation, IReadOnlyList<VoteSeatReplacement> VoteRounds);
