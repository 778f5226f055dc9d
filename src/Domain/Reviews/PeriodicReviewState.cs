namespace QuyCheWorkflow.Domain.Reviews;

/// <summary>Everything a <see cref="PeriodicReview"/> holds, as plain data for persistence.</summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record PeriodicReviewState(
    string Id,
    string RegulationId,
    DateOnly DueDate,
    PeriodicReviewStatus Status,
    DateOnly? MeetingDate,
    ContentHash? MinutesHash,
    ReviewOutcome? Outcome,
    string? Notes,
    string? RecordedBy,
    DateTimeOffset? RecordedAt);
