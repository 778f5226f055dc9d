using QuyCheWorkflow.Domain.Reviews;

namespace QuyCheWorkflow.Domain.Regulations;

public sealed partial class Regulation
{
    /// <summary>
    /// Applies a recorded periodic review to a regulation <see cref="RegulationStage.InForce"/>:
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
        EnsureStage("apply a review", RegulationStage.InForce);
        if (review.RegulationId != Id)
        {
            throw new DomainException($"Review '{review.Id}' belongs to regulation '{review.RegulationId}', not '{Id}'.");
        }

        if (review.Status != PeriodicReviewStatus.Recorded)
        {
            throw InvalidTransitionException.For("periodic review", review.Status, "apply a review");
        }

        DateOnly meetingDate = review.MeetingDate!.Value;
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
