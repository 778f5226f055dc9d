namespace QuyCheWorkflow.Domain.Voting;

/// <summary>One extension of a vote round's deadline.</summary>
public sealed record DeadlineExtension(DateTimeOffset PreviousDeadline, DateTimeOffset NewDeadline, string ExtendedBy, DateTimeOffset ExtendedAt);
