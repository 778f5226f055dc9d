using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle.Tails;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Opens a consultation on the latest draft of the active cycle, stores the recipients' contact details and
    /// starts the round's orchestration (invitations, reminders, closing at the deadline).
    /// </summary>
    public async Task<ConsultationRoundState> OpenConsultationAsync(string organisationId, string regulationId,
        IReadOnlyList<ConsultationRecipient> recipients, DateTimeOffset deadline, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(actor);
        foreach (var recipient in recipients)
        {
            StateKeys.Id(recipient.RecipientId, nameof(recipients));
            EmailAddress.Ensure(recipient.Email);
        }

        var (round, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, regulationId, cancellationToken);
            var regulation = Regulation.FromState(loaded.Value);
            var cycle = ActiveCycleOf(regulation, "open a consultation");
            var latest = cycle.LatestDraft
                ?? throw new InvalidTransitionException("regulation", regulation.Stage.ToString(), "open a consultation", "No draft has been uploaded.");
            ConsultationRound round = new(
                NextId("consultation", regulation, c => c.ConsultationRoundIds.Count), regulationId, latest.Number,
                recipients.Select(r => r.RecipientId), timeProvider.GetUtcNow(), deadline);
            regulation.OpenConsultation(round);
            var tail = Tail(organisationId, actor)
                .Create(new NewConsultationRound(round.ToState(), recipients))
                .Audit(regulationId, AuditAction.ConsultationOpened, [regulationId, round.Id],
                    new { draftVersion = round.DraftVersion, recipients = recipients.Count, deadline })
                .Wake(WakeKind.StartConsultation, regulationId, round.Id);
            return (round, await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, tail.Build(round.ToState()), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return round.ToState();
    }

    /// <summary>The name and address of one recipient of a round, or null.</summary>
    public Task<ConsultationRecipient?> GetConsultationRecipientAsync(string regulationId, string roundId, string recipientId, CancellationToken cancellationToken = default) =>
        stores.Recipients.GetAsync(regulationId, roundId, recipientId, cancellationToken);

    /// <summary>
    /// Records a recipient's answer: agreement (<paramref name="agree"/>, no comment) or at least one comment, as
    /// <see cref="ConsultationRound.Answer"/> rules. A second answer while the round is open changes nothing
    /// (Recorded = false). The last answer closes the round and the draft goes to resolving.
    /// </summary>
    public async Task<ConsultationAnswerOutcome> AnswerConsultationAsync(string regulationId, string roundId, string recipientId,
        bool agree, IReadOnlyList<CommentInput> comments, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(actor);
        string organisationId = await OrganisationOfAsync(regulationId, cancellationToken);
        var (outcome, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRoundAsync(regulationId, roundId, cancellationToken);
            var round = ConsultationRound.FromState(loaded.Value);
            if (!round.Recipients.Contains(recipientId))
            {
                throw new LifecycleNotFoundException($"'{recipientId}' is not a recipient of consultation round '{roundId}'.");
            }

            if (round.Status == ConsultationStatus.Open && round.Responses.Any(r => r.RecipientId == recipientId))
            {
                return (new ConsultationAnswerOutcome(false, round.ToState()), (PendingTail?)null);
            }

            var now = timeProvider.GetUtcNow();
            round.Answer(recipientId, agree ? ResponseKind.Agree : ResponseKind.Comments, comments.Select(c => new CommentDraft(c.Article, c.Text)), now);
            var tail = Tail(organisationId, actor).Audit(regulationId, AuditAction.ConsultationAnswered, [regulationId, roundId, recipientId],
                new { kind = comments.Count == 0 ? "agree" : "comments", comments = comments.Count });
            if (round.Status == ConsultationStatus.Closed)
            {
                tail.FollowUp(FollowUpKind.StartResolution, regulationId, roundId).Wake(WakeKind.SignalConsultation, regulationId, roundId);
            }

            ConsultationAnswerOutcome recorded = new(true, round.ToState());
            return (recorded, await stores.Consultations.UpdateRoundAsync(round.ToState(), loaded.ETag, tail.Build(recorded), cancellationToken));
        });

        if (written is not null)
        {
            await CompleteAsync(written, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Closes the round when its deadline has passed (the round's orchestration calls this at the deadline) and
    /// moves the draft to resolving. Idempotent: a closed round is left as it is.
    /// </summary>
    /// <returns>The round as stored afterwards.</returns>
    public async Task<ConsultationRoundState> CloseConsultationIfDueAsync(string regulationId, string roundId, CancellationToken cancellationToken = default)
    {
        string organisationId = await OrganisationOfAsync(regulationId, cancellationToken);
        var (round, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRoundAsync(regulationId, roundId, cancellationToken);
            var round = ConsultationRound.FromState(loaded.Value);
            if (!round.CloseIfDue(timeProvider.GetUtcNow()))
            {
                return (round, (PendingTail?)null);
            }

            var tail = Tail(organisationId, Actors.System)
                .Audit(regulationId, AuditAction.ConsultationClosed, [regulationId, roundId],
                    new { reason = round.CloseReason?.ToString(), responded = round.RespondedCount, recipients = round.Recipients.Count })
                .FollowUp(FollowUpKind.StartResolution, regulationId, roundId);
            return (round, await stores.Consultations.UpdateRoundAsync(round.ToState(), loaded.ETag, tail.Build(round.ToState()), cancellationToken));
        });

        if (written is not null)
        {
            await CompleteAsync(written, cancellationToken);
        }
        else if (round.Status == ConsultationStatus.Closed && await StartResolutionAsync(organisationId, round, cancellationToken))
        {
            // Repairs a round closed by its last answer whose hand-over to resolving was interrupted.
            await stores.Status.RefreshAsync(organisationId, cancellationToken);
        }

        return round.ToState();
    }

    /// <summary>
    /// Resolves one comment of the current round's resolution sheet (the draft must be resolving).
    /// </summary>
    public async Task<ResolutionSheetState> ResolveCommentAsync(string organisationId, string regulationId, string commentId,
        ResolutionOutcome outcome, string explanation, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (sheet, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var regulation = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, cancellationToken)).Value);
            var cycle = ActiveCycleOf(regulation, "resolve a comment");
            if (cycle.Stage != DraftingStage.Resolving || cycle.CurrentConsultationRoundId is not { } roundId)
            {
                throw new InvalidTransitionException("regulation", regulation.Stage.ToString(), "resolve a comment");
            }

            var loaded = await ReadAsync(() => stores.Consultations.GetSheetAsync(regulationId, roundId, cancellationToken), cancellationToken)
                ?? throw new LifecycleNotFoundException($"The resolution sheet of round '{roundId}' does not exist.");
            var sheet = ResolutionSheet.FromState(loaded.Value);
            if (!sheet.Comments.Any(c => c.CommentId == commentId))
            {
                throw new LifecycleNotFoundException($"Comment '{commentId}' is not in round '{roundId}'.");
            }

            sheet.Resolve(commentId, outcome, explanation, actor.Id, timeProvider.GetUtcNow());
            var tail = Tail(organisationId, actor).Audit(regulationId, AuditAction.CommentResolved, [regulationId, sheet.ConsultationRoundId, commentId],
                new { outcome = outcome.ToString(), explanation });
            return (sheet, await stores.Consultations.UpdateSheetAsync(regulationId, roundId, sheet.ToState(), loaded.ETag, tail.Build(sheet.ToState()), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return sheet.ToState();
    }

    /// <summary>Moves the regulation to resolving for a closed round and creates its sheet, unless already done.</summary>
    /// <returns>True when something changed.</returns>
    private async Task<bool> StartResolutionAsync(string organisationId, ConsultationRound round, CancellationToken cancellationToken)
    {
        var written = await RetryOnConflictAsync(round.RegulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, round.RegulationId, cancellationToken);
            var regulation = Regulation.FromState(loaded.Value);
            if (regulation.ActiveCycle is not { Stage: DraftingStage.InConsultation } cycle || cycle.CurrentConsultationRoundId != round.Id)
            {
                return null;
            }

            regulation.StartResolution(round);
            var tail = Tail(organisationId, Actors.System)
                .Create(new NewResolutionSheet(round.RegulationId, round.Id, new ResolutionSheet(round).ToState()))
                .Audit(round.RegulationId, AuditAction.ResolutionStarted, [round.RegulationId, round.Id], new { comments = round.Comments.Count });
            return await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, tail.Build(true), cancellationToken);
        });

        if (written is not null)
        {
            await CompleteAsync(written, cancellationToken);
            return true;
        }

        // Already resolving: the sheet of a hand-over made before sheets came with it may still be missing.
        if (await stores.Consultations.GetSheetAsync(round.RegulationId, round.Id, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await stores.Consultations.AddSheetAsync(round.RegulationId, round.Id, new ResolutionSheet(round).ToState(), cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    private async Task<Loaded<ConsultationRoundState>> LoadRoundAsync(string regulationId, string roundId, CancellationToken cancellationToken) =>
        await ReadAsync(() => stores.Consultations.GetRoundAsync(regulationId, roundId, cancellationToken), cancellationToken)
        ?? throw new LifecycleNotFoundException($"Consultation round '{roundId}' of regulation '{regulationId}' does not exist.");
}
