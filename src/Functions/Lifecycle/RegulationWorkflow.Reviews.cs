using System.Globalization;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;

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
        string? notes, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (minutes.IsEmpty)
        {
            throw new DomainException(RefusalCode.MinutesRequired, "A review's result needs its minutes.");
        }

        var hash = ContentHash.Of(minutes.Span);
        var current = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, ct)).Value);
        current.EnsureReviewAllowed(meetingDate, outcome, timeProvider.GetUtcNow());
        var pending = await EnsurePendingReviewAsync(current, ct)
            ?? throw new InvalidTransitionException("regulation", current.Stage.ToString(), "record a review", "No review is due.");
        if (outcome == ReviewOutcome.Amend && current.ActiveAmendment is { } active)
        {
            throw new InvalidTransitionException("amendment", active.Status.ToString(), "start another amendment", $"Amendment '{active.Id}' is still under way.");
        }

        await stores.Documents.UploadAsync(minutes, minutesFileName, minutesContentType, ct);
        var review = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await stores.Reviews.GetAsync(regulationId, pending.Value.Id, ct) ?? pending;
            var review = PeriodicReview.FromState(loaded.Value);
            review.Record(meetingDate, hash, outcome, notes, actor.Id, timeProvider.GetUtcNow());
            await stores.Reviews.UpdateAsync(review.ToState(), loaded.ETag, ct);
            return review;
        });

        var regulation = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, regulationId, ct);
            var regulation = Regulation.FromState(loaded.Value);
            string amendmentId = "amendment-" + (regulation.Amendments.Count + 1).ToString(CultureInfo.InvariantCulture);
            regulation.ApplyReview(review, outcome == ReviewOutcome.Amend ? amendmentId : null, timeProvider.GetUtcNow());
            await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, ct);
            return regulation;
        });

        await AuditAsync(regulationId, actor, "review.recorded", [regulationId, review.Id, hash.ToString()],
            new { meetingDate, outcome = outcome.ToString(), notes, nextReviewDue = regulation.NextReviewDue }, ct);
        await EnsurePendingReviewAsync(regulation, ct);
        await RefreshStatusAsync(organisationId, ct);
        await orchestrations.RaiseReviewChangedAsync(regulationId, review.Id, ct);
        await orchestrations.EnsureReviewCycleAsync(organisationId, regulation.ToState(), ct);
        return review.ToState();
    }
}
