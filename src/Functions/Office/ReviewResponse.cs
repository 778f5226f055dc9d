using QuyCheWorkflow.Domain.Reviews;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// A periodic review as the office API returns it: the day it was due, where it stands and, once recorded, the
/// meeting date (Vietnam calendar), the SHA-256 of its minutes, its outcome and notes.
/// </summary>
public sealed record ReviewResponse(
    string Id,
    string RegulationId,
    DateOnly DueDate,
    PeriodicReviewStatus Status,
    DateOnly? MeetingDate,
    string? MinutesSha256,
    ReviewOutcome? Outcome,
    string? Notes,
    string? RecordedBy,
    DateTimeOffset? RecordedAt)
{
    public static ReviewResponse From(PeriodicReviewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Id, state.RegulationId, state.DueDate, state.Status, state.MeetingDate,
            state.MinutesHash is { IsEmpty: false } hash ? hash.ToString() : null,
            state.Outcome, state.Notes, state.RecordedBy, ApiInstant.Of(state.RecordedAt));
    }
}
