namespace QuyCheWorkflow.Domain.Voting;

/// <summary>One extension of a vote round's deadline.</summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record DeadlineExtension(DateTimeOffset PreviousDeadline, DateTimeOffset NewDeadline, string ExtendedBy, DateTimeOffset ExtendedAt);
