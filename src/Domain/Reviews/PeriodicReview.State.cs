namespace QuyCheWorkflow.Domain.Reviews;

public sealed partial class PeriodicReview
{
    /// <summary>A snapshot for persistence.</summary>
    public PeriodicReviewState ToState()
        => new(Id, RegulationId, DueDate, Status, MeetingDate, MinutesHash, Outcome, Notes, RecordedBy, RecordedAt);

    /// <summary>Rebuilds a review saved with <see cref="ToState"/>.</summary>
    public static PeriodicReview FromState(PeriodicReviewState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new PeriodicReview(state.Id, state.RegulationId, state.DueDate)
        {
            Status = state.Status,
            MeetingDate = state.MeetingDate,
            MinutesHash = state.MinutesHash,
            Outcome = state.Outcome,
            Notes = state.Notes,
            RecordedBy = state.RecordedBy,
            RecordedAt = state.RecordedAt,
        };
    }
}
