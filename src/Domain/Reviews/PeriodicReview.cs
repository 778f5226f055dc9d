namespace QuyCheWorkflow.Domain.Reviews;

/// <summary>
/// One periodic review (<i>rà soát định kỳ</i>) of a regulation in force: scheduled for a due date, then
/// recorded once with the meeting date, the minutes' hash and the outcome. Persisted by the app on its own;
/// the regulation aggregate applies the outcome (<c>Regulation.ApplyReview</c>).
/// </summary>
public sealed partial class PeriodicReview
{
    public PeriodicReview(string id, string regulationId, DateOnly dueDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(regulationId);
        Id = id;
        RegulationId = regulationId;
        DueDate = dueDate;
    }

    public string Id { get; }

    public string RegulationId { get; }

    public DateOnly DueDate { get; }

    public PeriodicReviewStatus Status { get; private set; }

    public DateOnly? MeetingDate { get; private set; }

    public ContentHash? MinutesHash { get; private set; }

    public ReviewOutcome? Outcome { get; private set; }

    public string? Notes { get; private set; }

    public string? RecordedBy { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    /// <summary>Records the review meeting. A review is recorded once.</summary>
    /// <exception cref="InvalidTransitionException">Already recorded.</exception>
    public void Record(DateOnly meetingDate, ContentHash minutesHash, ReviewOutcome outcome, string? notes, string recordedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        ContentHash.ThrowIfEmpty(minutesHash, nameof(minutesHash));
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);
        }

        if (Status != PeriodicReviewStatus.Scheduled)
        {
            throw InvalidTransitionException.For("periodic review", Status, "record the review");
        }

        MeetingDate = meetingDate;
        MinutesHash = minutesHash;
        Outcome = outcome;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        RecordedBy = recordedBy;
        RecordedAt = at;
        Status = PeriodicReviewStatus.Recorded;
    }
}
