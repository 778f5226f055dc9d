using System.Globalization;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Functions.Lifecycle.Tails;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Records the periodic review due next, with its minutes: keep schedules the next review, amend also starts
    /// an amendment, repeal ends the regulation. The review's orchestration ends; the next one starts. A regulation
    /// is in force from its issue, so a review is recorded from then on, before the filing is acknowledged too; the
    /// meeting date is not in the future nor before the previous review or the issue date (Vietnam calendar).
    /// </summary>
    public async Task<PeriodicReviewState> RecordReviewAsync(string organisationId, string regulationId, DateOnly meetingDate,
        ReadOnlyMemory<byte> minutes, string minutesFileName, string minutesContentType, ReviewOutcome outcome,
        string? notes, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (minutes.IsEmpty)
        {
            throw new DomainException(RefusalCode.MinutesRequired, "A review's result needs its minutes.");
        }

        var hash = ContentHash.Of(minutes.Span);
        var current = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, cancellationToken)).Value);
        current.EnsureReviewAllowed(meetingDate, outcome, timeProvider.GetUtcNow());
        var pending = await EnsurePendingReviewAsync(current, cancellationToken)
            ?? throw new InvalidTransitionException("regulation", current.Stage.ToString(), "record a review", "No review is due.");
        if (outcome == ReviewOutcome.Amend && current.ActiveAmendment is { } active)
        {
            throw new InvalidTransitionException("amendment", active.Status.ToString(), "start another amendment", $"Amendment '{active.Id}' is still under way.");
        }

        await stores.Documents.UploadAsync(minutes, minutesFileName, minutesContentType, cancellationToken);
        var (review, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await ReadAsync(() => stores.Reviews.GetAsync(regulationId, pending.Value.Id, cancellationToken), cancellationToken) ?? pending;
            var review = PeriodicReview.FromState(loaded.Value);
            var now = timeProvider.GetUtcNow();
            review.Record(meetingDate, hash, outcome, notes, actor.Id, now);

            // What the review does to the regulation, worked out on a copy: the regulation's own write follows.
            var probe = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, cancellationToken)).Value);
            probe.ApplyReview(review, outcome == ReviewOutcome.Amend ? "amendment-" + (probe.Amendments.Count + 1).ToString(CultureInfo.InvariantCulture) : null, now);
            var tail = Tail(organisationId, actor)
                .Audit(regulationId, AuditAction.ReviewRecorded, [regulationId, review.Id, hash.ToString()],
                    new { meetingDate, outcome = outcome.ToString(), notes, nextReviewDue = probe.NextReviewDue })
                .FollowUp(FollowUpKind.ApplyReview, regulationId, review.Id)
                .Wake(WakeKind.SignalReview, regulationId, review.Id);
            return (review, await stores.Reviews.UpdateAsync(review.ToState(), loaded.ETag, tail.Build(review.ToState()), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return review.ToState();
    }
}
