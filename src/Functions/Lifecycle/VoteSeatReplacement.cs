using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>A seat given to a new member in one regulation's open vote round.</summary>
public sealed record VoteSeatReplacement(string RegulationId, MemberReplaced Change);
