using QuyCheWorkflow.Domain.Reviews;

namespace QuyCheWorkflow.Domain.Regulations;

public sealed partial class Regulation
{
    /// <summary>
    /// Checks that a review meeting on <paramref name="meetingDate"/> with <paramref name="outcome"/> can be
    /// recorded now (<paramref name="at"/>): the regulation is in force from its issue (stage
    /// <see cref="RegulationStage.Issued"/>, <see cref="RegulationStage.Filed"/> or <see cref="RegulationStage.InForce"/>),
    /// the meeting is not after today nor before the previous review or the issue date (Vietnam calendar), and an
    /// amendment waits until the upper level has acknowledged the filing (stage <see cref="RegulationStage.InForce"/>),
    /// so the filing's answer never meets an amendment under way.
    /// </summary>
    /// <exception cref="InvalidTransitionException">Not issued, or ended.</exception>
    /// <exception cref="DomainException">
    /// <see cref="RefusalCode.ReviewDateInFuture"/>, <see cref="RefusalCode.ReviewDateTooEarly"/> or
    /// <see cref="RefusalCode.ReviewAmendBeforeAcknowledgement"/>.
    /// </exception>
    public void EnsureReviewAllowed(DateOnly meetingDate, ReviewOutcome outcome, DateTimeOffset at)
    {
        EnsureStage("record a review", RegulationStage.Issued, RegulationStage.Filed, RegulationStage.InForce);
        string meeting = Iso(meetingDate);
        DateOnly today = Calendar.VietnamTime.DateOf(at);
        if (meetingDate > today)
        {
            throw new DomainException(RefusalCode.ReviewDateInFuture, $"The review meeting date {meeting} is after today ({Iso(today)}).",
                new Dictionary<string, string> { ["meetingDate"] = meeting, ["today"] = Iso(today) });
        }

        DateOnly earliest = LastReviewDate is { } last && last > CurrentIssuance!.IssueDate ? last : CurrentIssuance!.IssueDate;
        if (meetingDate < earliest)
        {
            throw new DomainException(RefusalCode.ReviewDateTooEarly,
                $"The review meeting date {meeting} is before the previous review or the issue date ({Iso(earliest)}).",
                new Dictionary<string, string> { ["meetingDate"] = meeting, ["earliest"] = Iso(earliest) });
        }

        if (outcome == ReviewOutcome.Amend && Stage != RegulationStage.InForce)
        {
            throw new DomainException(RefusalCode.ReviewAmendBeforeAcknowledgement,
                $"An amendment can start from a review once the upper level has acknowledged the filing; the regulation is {Stage}.",
                new Dictionary<string, string> { ["stage"] = Stage.ToString() });
        }
    }

    /// <summary>
    /// Applies a recorded periodic review (allowed as <see cref="EnsureReviewAllowed"/> says):
    /// <list type="bullet">
    /// <item><see cref="ReviewOutcome.Keep"/>: the next review is due one cadence after the meeting.</item>
    /// <item><see cref="ReviewOutcome.Amend"/>: as keep, and amendment <paramref name="amendmentId"/> starts
    /// (refused while another amendment is under way).</item>
    /// <item><see cref="ReviewOutcome.Repeal"/>: the regulation ends on the meeting date
    /// (<see cref="RegulationStage.Repealed"/>); an amendment under way is abandoned.</item>
    /// </list>
    /// </summary>
    /// <returns>The amendment started, for <see cref="ReviewOutcome.Amend"/>; otherwise null.</returns>
    public AmendmentCycle? ApplyReview(PeriodicReview review, string? amendmentId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.RegulationId != Id)
        {
            throw new DomainException(RefusalCode.ObjectOfAnotherRegulation, $"Review '{review.Id}' belongs to regulation '{review.RegulationId}', not '{Id}'.",
                new Dictionary<string, string> { ["objectId"] = review.Id });
        }

        if (review.Status != PeriodicReviewStatus.Recorded)
        {
            throw InvalidTransitionException.For("periodic review", review.Status, "apply a review");
        }

        DateOnly meetingDate = review.MeetingDate!.Value;
        EnsureReviewAllowed(meetingDate, review.Outcome!.Value, at);
        switch (review.Outcome)
        {
            case ReviewOutcome.Repeal:
                End(RegulationStage.Repealed, meetingDate, null);
                return null;
            case ReviewOutcome.Amend:
                ArgumentException.ThrowIfNullOrWhiteSpace(amendmentId);
                AmendmentCycle amendment = StartAmendment(amendmentId, AmendmentReason.ReviewDecision, review.Notes is { } notes ? [notes] : [], at);
                ScheduleAfterReview(meetingDate);
                return amendment;
            default:
                ScheduleAfterReview(meetingDate);
                return null;
        }
    }

    private void ScheduleAfterReview(DateOnly meetingDate)
    {
        LastReviewDate = meetingDate;
        NextReviewDue = ReviewSchedule.NextDueDate(CurrentIssuance!.IssueDate, meetingDate);
    }

    private AmendmentCycle StartAmendment(string amendmentId, AmendmentReason reason, IReadOnlyList<string> reasons, DateTimeOffset at)
    {
        if (ActiveAmendment is { } active)
        {
            throw InvalidTransitionException.For(
                "amendment", active.Status, "start another amendment", $"Amendment '{active.Id}' is still under way.");
        }

        AmendmentCycle amendment = new(amendmentId, Id, reason, reasons, at);
        _amendments.Add(amendment);
        return amendment;
    }

    private void End(RegulationStage finalStage, DateOnly on, string? supersededBy)
    {
        foreach (AmendmentCycle amendment in _amendments.Where(a => a.IsActive))
        {
            amendment.Status = AmendmentStatus.Abandoned;
        }

        _stageAfterIssue = finalStage;
        EndedOn = on;
        SupersededByRegulationId = supersededBy;
        NextReviewDue = null;
    }
}
