using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>What the vote orchestration needs to know about its round.</summary>
public sealed record VoteRoundView(VoteRoundStatus Status, DateTimeOffset OpenedAt, DateTimeOffset Deadline, IReadOnlyList<DateTimeOffset> Reminders);
