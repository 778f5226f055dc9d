using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Opens a consultation on the latest draft of the active cycle, stores the recipients' contact details and
    /// starts the round's orchestration (invitations, reminders, closing at the deadline).
    /// </summary>
    public async Task<ConsultationRoundState> OpenConsultationAsync(string organisationId, string regulationId,
        IReadOnlyList<ConsultationRecipient> recipients, DateTimeOffset deadline, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(actor);
        foreach (var recipient in recipients)
        {
            StateKeys.Id(recipient.RecipientId, nameof(recipients));
            EmailAddress.Ensure(recipient.Email);
        }

        var round = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, regulationId, ct);
            var regulation = Regulation.FromState(loaded.Value);
            var cycle = ActiveCycleOf(regulation, "open a consultation");
            var latest = cycle.LatestDraft
                ?? throw new InvalidTransitionException("regulation", regulation.Stage.ToString(), "open a consultation", "No draft has been uploaded.");
            ConsultationRound round = new(
                NextId("consultation", regulation, c => c.ConsultationRoundIds.Count), regulationId, latest.Number,
                recipients.Select(r => r.RecipientId), timeProvider.GetUtcNow(), deadline);
            regulation.OpenConsultation(round);
            await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, ct);
            return round;
        });

        await stores.Recipients.SetAsync(regulationId, round.Id, recipients, ct);
        await stores.Consultations.AddRoundAsync(round.ToState(), ct);
        await AuditAsync(regulationId, actor, "consultation.opened", [regulationId, round.Id],
            new { draftVersion = round.DraftVersion, recipients = recipients.Count, deadline }, ct);
        await RefreshStatusAsync(organisationId, ct);
        await orchestrations.StartConsultationAsync(organisationId, regulationId, round.Id, ct);
        return round.ToState();
    }

    /// <summary>The name and address of one recipient of a round, or null.</summary>
    public Task<ConsultationRecipient?> GetConsultationRecipientAsync(string regulationId, string roundId, string recipientId, CancellationToken ct = default) =>
        stores.Recipients.GetAsync(regulationId, roundId, recipientId, ct);

    /// <summary>
    /// Records a recipient's answer: agreement (<paramref name="agree"/>, no comment) or at least one comment, as
    /// <see cref="ConsultationRound.Answer"/> rules. A second answer while the round is open changes nothing
    /// (Recorded = false). The last answer closes the round and the draft goes to resolving.
    /// </summary>
    public async Task<ConsultationAnswerOutcome> AnswerConsultationAsync(string regulationId, string roundId, string recipientId,
        bool agree, IReadOnlyList<CommentInput> comments, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(actor);
        var (recorded, round) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await stores.Consultations.GetRoundAsync(regulationId, roundId, ct)
                ?? throw new LifecycleNotFoundException($"Consultation round '{roundId}' of regulation '{regulationId}' does not exist.");
            var round = ConsultationRound.FromState(loaded.Value);
            if (!round.Recipients.Contains(recipientId))
            {
                throw new LifecycleNotFoundException($"'{recipientId}' is not a recipient of consultation round '{roundId}'.");
            }

            if (round.Status == ConsultationStatus.Open && round.Responses.Any(r => r.RecipientId == recipientId))
            {
                return (false, round);
            }

            var now = timeProvider.GetUtcNow();
            round.Answer(recipientId, agree ? ResponseKind.Agree : ResponseKind.Comments, comments.Select(c => new CommentDraft(c.Article, c.Text)), now);
            await stores.Consultations.UpdateRoundAsync(round.ToState(), loaded.ETag, ct);
            return (true, round);
        });

        if (!recorded)
        {
            return new ConsultationAnswerOutcome(false, round.ToState());
        }

        string organisationId = (await FindOrganisationIdAsync(regulationId, ct))!;
        await AuditAsync(regulationId, actor, "consultation.answered", [regulationId, roundId, recipientId],
            new { kind = comments.Count == 0 ? "agree" : "comments", comments = comments.Count }, ct);
        if (round.Status == ConsultationStatus.Closed)
        {
            await StartResolutionAsync(organisationId, round, ct);
            await orchestrations.RaiseConsultationClosedAsync(regulationId, roundId, ct);
        }

        await RefreshStatusAsync(organisationId, ct);
        return new ConsultationAnswerOutcome(true, round.ToState());
    }

    /// <summary>
    /// Closes the round when its deadline has passed (the round's orchestration calls this at the deadline) and
    /// moves the draft to resolving. Idempotent: a closed round is left as it is.
    /// </summary>
    /// <returns>The round as stored afterwards.</returns>
    public async Task<ConsultationRoundState> CloseConsultationIfDueAsync(string regulationId, string roundId, CancellationToken ct = default)
    {
        var (closedNow, round) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await stores.Consultations.GetRoundAsync(regulationId, roundId, ct)
                ?? throw new LifecycleNotFoundException($"Consultation round '{roundId}' of regulation '{regulationId}' does not exist.");
            var round = ConsultationRound.FromState(loaded.Value);
            if (!round.CloseIfDue(timeProvider.GetUtcNow()))
            {
                return (false, round);
            }

            await stores.Consultations.UpdateRoundAsync(round.ToState(), loaded.ETag, ct);
            return (true, round);
        });

        if (round.Status == ConsultationStatus.Closed)
        {
            string organisationId = (await FindOrganisationIdAsync(regulationId, ct))!;
            if (closedNow)
            {
                await AuditAsync(regulationId, Actors.System, "consultation.closed", [regulationId, roundId],
                    new { reason = round.CloseReason?.ToString(), responded = round.RespondedCount, recipients = round.Recipients.Count }, ct);
            }

            // Also repairs a round closed by its last answer whose hand-over to resolving was interrupted.
            if (await StartResolutionAsync(organisationId, round, ct) || closedNow)
            {
                await RefreshStatusAsync(organisationId, ct);
            }
        }

        return round.ToState();
    }

    /// <summary>
    /// Resolves one comment of the current round's resolution sheet (the draft must be resolving).
    /// </summary>
    public async Task<ResolutionSheetState> ResolveCommentAsync(string organisationId, string regulationId, string commentId,
        ResolutionOutcome outcome, string explanation, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var sheet = await RetryOnConflictAsync(regulationId, async () =>
        {
            var regulation = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, ct)).Value);
            var cycle = ActiveCycleOf(regulation, "resolve a comment");
            if (cycle.Stage != DraftingStage.Resolving || cycle.CurrentConsultationRoundId is not { } roundId)
            {
                throw new InvalidTransitionException("regulation", regulation.Stage.ToString(), "resolve a comment");
            }

            var loaded = await stores.Consultations.GetSheetAsync(regulationId, roundId, ct)
                ?? throw new LifecycleNotFoundException($"The resolution sheet of round '{roundId}' does not exist.");
            var sheet = ResolutionSheet.FromState(loaded.Value);
            if (!sheet.Comments.Any(c => c.CommentId == commentId))
            {
                throw new LifecycleNotFoundException($"Comment '{commentId}' is not in round '{roundId}'.");
            }

            sheet.Resolve(commentId, outcome, explanation, actor.Id, timeProvider.GetUtcNow());
            await stores.Consultations.UpdateSheetAsync(regulationId, roundId, sheet.ToState(), loaded.ETag, ct);
            return sheet;
        });

        await AuditAsync(regulationId, actor, "comment.resolved", [regulationId, sheet.ConsultationRoundId, commentId],
            new { outcome = outcome.ToString(), explanation }, ct);
        await RefreshStatusAsync(organisationId, ct);
        return sheet.ToState();
    }

    /// <summary>Moves the regulation to resolving for a closed round and creates its sheet, unless already done.</summary>
    /// <returns>True when something changed.</returns>
    private async Task<bool> StartResolutionAsync(string organisationId, ConsultationRound round, CancellationToken ct)
    {
        bool moved = await RetryOnConflictAsync(round.RegulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, round.RegulationId, ct);
            var regulation = Regulation.FromState(loaded.Value);
            if (regulation.ActiveCycle is not { Stage: DraftingStage.InConsultation } cycle || cycle.CurrentConsultationRoundId != round.Id)
            {
                return false;
            }

            regulation.StartResolution(round);
            await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, ct);
            return true;
        });

        bool sheetAdded = false;
        if (await stores.Consultations.GetSheetAsync(round.RegulationId, round.Id, ct) is null)
        {
            try
            {
                await stores.Consultations.AddSheetAsync(round.RegulationId, round.Id, new ResolutionSheet(round).ToState(), ct);
                sheetAdded = true;
            }
            catch (ConcurrencyConflictException)
            {
                // Another closer created it first; the sheet is the same.
            }
        }

        if (moved)
        {
            await AuditAsync(round.RegulationId, Actors.System, "resolution.started", [round.RegulationId, round.Id],
                new { comments = round.Comments.Count }, ct);
        }

        return moved || sheetAdded;
    }
}
