using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Functions.Lifecycle.Tails;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    // A tail waits in a row only until the command that wrote it carries it out; finding one still there means
    // that command died, and a few rounds of "carry out, read again" always end (each clears what it carried out).
    private const int MaxTailRounds = 8;

    // The tails this flow is carrying out: their follow-ups read the row that holds them (a decided ballot's
    // round, an applied review's regulation), and must see it as it is instead of carrying the same tail out again.
    private static readonly AsyncLocal<ImmutableHashSet<string>?> s_completing = new();

    /// <summary>Starts the tail of a command run by <paramref name="actor"/> now (also for the organisation commands).</summary>
    internal TailBuilder Tail(string organisationId, Actor actor) => new(organisationId, actor, timeProvider.GetUtcNow());

    /// <summary>
    /// Carries out <paramref name="pending"/> and clears it from its row: rows created unless they exist, audit
    /// entries appended once, follow-up commands, the status refresh, the wake-ups, the request marked done.
    /// Idempotent, so two finders racing, or a finder racing the command itself, do each step at most once in effect.
    /// </summary>
    internal async Task CompleteAsync(PendingTail pending, CancellationToken cancellationToken)
    {
        var outer = s_completing.Value;
        s_completing.Value = (outer ?? []).Add(pending.Json);
        try
        {
            await CarryOutAsync(pending, cancellationToken);
        }
        finally
        {
            s_completing.Value = outer;
        }
    }

    private async Task CarryOutAsync(PendingTail pending, CancellationToken cancellationToken)
    {
        var tail = StateJson.Deserialize<CommandTail>(pending.Json);
        if (tail.RequestId is { } running)
        {
            stores.Requests.NoteWritten(running);
        }

        foreach (var row in tail.Rows)
        {
            await CreateAsync(row, cancellationToken);
        }

        for (int i = 0; i < tail.Audit.Count; i++)
        {
            var entry = tail.Audit[i];
            await stores.Audit.AppendOnceAsync(entry.Partition, entry.Record, tail.Id + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), tail.At, cancellationToken);
        }

        foreach (var followUp in tail.FollowUps)
        {
            try
            {
                await FollowUpAsync(tail.OrganisationId, followUp, cancellationToken);
            }
            catch (QuyCheWorkflow.Domain.DomainException exception)
            {
                // A follow-up applies "if still applicable": one the domain now refuses (the state moved on since the
                // command) must not block this row's tail, nor every later command on the row, for good.
                Log.TailFollowUpRefused(logger, followUp.Kind.ToString(), followUp.RegulationId, followUp.SubjectId, exception.Message);
            }
        }

        await stores.Status.RefreshAsync(tail.OrganisationId, cancellationToken);
        foreach (var wake in tail.Wakes)
        {
            await WakeAsync(tail.OrganisationId, wake, cancellationToken);
        }

        if (tail.RequestId is { } requestId && tail.ResultJson is { } result)
        {
            await stores.Requests.CompleteAsync(requestId, result, cancellationToken);
        }

        await stores.Tails.ClearAsync(pending, cancellationToken);
    }

    /// <summary>
    /// Carries out every command tail left pending by a process that died (the reconciler's sweep).
    /// </summary>
    /// <returns>How many were carried out.</returns>
    public async Task<int> CompletePendingTailsAsync(CancellationToken cancellationToken = default)
    {
        int completed = 0;
        await foreach (var pending in stores.Tails.ListAsync(cancellationToken))
        {
            Log.PendingTailCompleted(logger, pending.Row.Table, pending.Row.PartitionKey, pending.Row.RowKey);
            await CompleteAsync(pending, cancellationToken);
            completed++;
        }

        return completed;
    }

    /// <summary>
    /// Carries out the tails pending where a command on <paramref name="regulationId"/> writes, or, when it is
    /// null, a command on the organisation (its row and its regulations' rows): what a retried request does before
    /// answering, so work that succeeded before a crash is answered with its outcome.
    /// </summary>
    public async Task CompletePendingTailsAsync(string organisationId, string? regulationId, CancellationToken cancellationToken = default)
    {
        List<PendingTail> found = [];
        await foreach (var pending in stores.Tails.ListAsync(RegulationStore.TableName, organisationId, cancellationToken))
        {
            if (regulationId is null || pending.Row.RowKey == regulationId)
            {
                found.Add(pending);
            }
        }

        if (regulationId is null)
        {
            await foreach (var pending in stores.Tails.ListAsync(OrganisationStore.TableName, OrganisationStore.Partition, cancellationToken))
            {
                if (pending.Row.RowKey == organisationId)
                {
                    found.Add(pending);
                }
            }
        }
        else
        {
            foreach (string table in PendingTails.StageTables)
            {
                await foreach (var pending in stores.Tails.ListAsync(table, regulationId, cancellationToken))
                {
                    found.Add(pending);
                }
            }
        }

        foreach (var pending in found)
        {
            await CompleteAsync(pending, cancellationToken);
        }
    }

    /// <summary>
    /// Reads a row through <paramref name="read"/>, first carrying out a tail left pending in it: the next write
    /// replaces the whole row, so whoever writes a row finishes what its last writer left undone.
    /// </summary>
    internal async Task<Loaded<T>?> ReadAsync<T>(Func<Task<Loaded<T>?>> read, CancellationToken cancellationToken)
    {
        for (int round = 1; ; round++)
        {
            var loaded = await read();
            if (loaded?.Tail is not { } pending || round == MaxTailRounds || s_completing.Value?.Contains(pending.Json) == true)
            {
                return loaded;
            }

            await CompleteAsync(pending, cancellationToken);
        }
    }

    /// <summary>Writes a row a tail creates, unless it exists (the tail ran before).</summary>
    private async Task CreateAsync(TailRow row, CancellationToken cancellationToken)
    {
        try
        {
            switch (row)
            {
                case NewConsultationRound consultation:
                    await stores.Recipients.SetAsync(consultation.Round.RegulationId, consultation.Round.Id, consultation.Recipients, cancellationToken);
                    if (await stores.Consultations.GetRoundAsync(consultation.Round.RegulationId, consultation.Round.Id, cancellationToken) is null)
                    {
                        await stores.Consultations.AddRoundAsync(consultation.Round, cancellationToken);
                    }

                    break;
                case NewVoteRound vote:
                    if (await stores.Votes.GetAsync(vote.Round.RegulationId, vote.Round.Id, cancellationToken) is null)
                    {
                        await stores.Votes.AddAsync(vote.Round, cancellationToken);
                    }

                    break;
                case NewFiling filing:
                    if (await stores.Filings.GetAsync(filing.Filing.RegulationId, filing.Filing.Id, cancellationToken) is null)
                    {
                        await stores.Filings.AddAsync(filing.Filing, cancellationToken);
                    }

                    break;
                case NewResolutionSheet sheet:
                    if (await stores.Consultations.GetSheetAsync(sheet.RegulationId, sheet.RoundId, cancellationToken) is null)
                    {
                        await stores.Consultations.AddSheetAsync(sheet.RegulationId, sheet.RoundId, sheet.Sheet, cancellationToken);
                    }

                    break;
                case NewModelPublication publication:
                    await stores.Models.AddHistoryAsync(publication.Model, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"A tail holds a row of unknown kind {row.GetType().Name}.");
            }
        }
        catch (ConcurrencyConflictException)
        {
            // Created meanwhile by another finder of the same tail: the same row.
        }
    }

    private async Task FollowUpAsync(string organisationId, TailFollowUp followUp, CancellationToken cancellationToken)
    {
        switch (followUp.Kind)
        {
            case FollowUpKind.ApplyVoteDecision:
                await ApplyVoteDecisionAsync(followUp.RegulationId, followUp.SubjectId, cancellationToken);
                break;
            case FollowUpKind.StartResolution:
                if (await stores.Consultations.GetRoundAsync(followUp.RegulationId, followUp.SubjectId, cancellationToken) is { } round
                    && round.Value.Status == ConsultationStatus.Closed)
                {
                    await StartResolutionAsync(organisationId, ConsultationRound.FromState(round.Value), cancellationToken);
                }

                break;
            case FollowUpKind.ApplyFilingResponse:
                await ApplyFilingResponseAsync(followUp.RegulationId, followUp.SubjectId, cancellationToken);
                break;
            case FollowUpKind.ApplyReview:
                await ApplyReviewAsync(organisationId, followUp.RegulationId, followUp.SubjectId, cancellationToken);
                break;
            case FollowUpKind.EnsurePendingReview:
                if (await ReadAsync(() => stores.Regulations.GetAsync(organisationId, followUp.RegulationId, cancellationToken), cancellationToken) is { } regulation)
                {
                    await EnsurePendingReviewAsync(Regulation.FromState(regulation.Value), cancellationToken);
                }

                break;
            default:
                throw new InvalidOperationException($"A tail holds a follow-up of unknown kind {followUp.Kind}.");
        }
    }

    private async Task WakeAsync(string organisationId, TailWake wake, CancellationToken cancellationToken)
    {
        switch (wake.Kind)
        {
            case WakeKind.StartConsultation:
                await orchestrations.StartConsultationAsync(organisationId, wake.RegulationId, wake.SubjectId, cancellationToken);
                break;
            case WakeKind.StartVote:
                await orchestrations.StartVoteAsync(organisationId, wake.RegulationId, wake.SubjectId, cancellationToken);
                break;
            case WakeKind.StartFiling:
                await orchestrations.StartFilingAsync(organisationId, wake.RegulationId, wake.SubjectId, cancellationToken);
                break;
            case WakeKind.EnsureReviewCycle:
                if (await stores.Regulations.GetAsync(organisationId, wake.RegulationId, cancellationToken) is { } regulation)
                {
                    await orchestrations.EnsureReviewCycleAsync(organisationId, regulation.Value, cancellationToken);
                }

                break;
            case WakeKind.SignalConsultation:
                await orchestrations.SignalAsync(LifecycleOrchestrations.ConsultationInstanceId(wake.RegulationId, wake.SubjectId), cancellationToken);
                break;
            case WakeKind.SignalVote:
                await orchestrations.SignalAsync(LifecycleOrchestrations.VoteInstanceId(wake.RegulationId, wake.SubjectId), cancellationToken);
                break;
            case WakeKind.SignalFiling:
                await orchestrations.SignalAsync(LifecycleOrchestrations.FilingInstanceId(wake.RegulationId, wake.SubjectId), cancellationToken);
                break;
            case WakeKind.SignalReview:
                await orchestrations.SignalAsync(LifecycleOrchestrations.ReviewInstanceId(wake.RegulationId, wake.SubjectId), cancellationToken);
                break;
            case WakeKind.VoteDeadlineMoved:
                await orchestrations.VoteDeadlineMovedAsync(organisationId, wake.RegulationId, wake.SubjectId, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"A tail holds a wake-up of unknown kind {wake.Kind}.");
        }
    }

    /// <summary>Applies a recorded review to its regulation unless applied already (the next due date moved on).</summary>
    private async Task ApplyReviewAsync(string organisationId, string regulationId, string reviewId, CancellationToken cancellationToken)
    {
        if (await stores.Reviews.GetAsync(regulationId, reviewId, cancellationToken) is not { } loadedReview
            || PeriodicReview.FromState(loadedReview.Value) is not { Status: PeriodicReviewStatus.Recorded } review)
        {
            return;
        }

        var written = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, regulationId, cancellationToken);
            var regulation = Regulation.FromState(loaded.Value);
            if (regulation.NextReviewDue != review.DueDate || !regulation.HasTextInForce || regulation.LastReviewDate == review.MeetingDate)
            {
                return null;
            }

            string amendmentId = "amendment-" + (regulation.Amendments.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            regulation.ApplyReview(review, review.Outcome == ReviewOutcome.Amend ? amendmentId : null, review.RecordedAt ?? timeProvider.GetUtcNow());
            var tail = Tail(organisationId, Actors.System)
                .FollowUp(FollowUpKind.EnsurePendingReview, regulationId)
                .Wake(WakeKind.EnsureReviewCycle, regulationId);
            return await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, tail.Build(true), cancellationToken);
        });

        if (written is not null)
        {
            await CompleteAsync(written, cancellationToken);
        }
    }
}
