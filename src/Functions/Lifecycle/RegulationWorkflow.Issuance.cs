using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Lifecycle.Tails;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Issues the approved text (the original, or the active amendment) under the next number of the
    /// organisation's register for the regulation's term ("05-QC/ĐU"); the final document is the approved draft.
    /// A retried issue reuses the number already registered for the same text instead of taking another.
    /// <paramref name="signer"/> names the member of the standing committee who signed, by member id or full name:
    /// the secretary (<c>T/M BAN THƯỜNG VỤ</c> / <c>BÍ THƯ</c>) or a deputy secretary (<c>PHÓ BÍ THƯ</c>). The issue
    /// date lies between the day the committee approved the text and today (Vietnam calendar), within the term.
    /// </summary>
    public Task<RegulationState> IssueAsync(string organisationId, string regulationId, DateOnly issueDate, string signer,
        string? supersedesRegulationId, Actor actor, CancellationToken cancellationToken = default) =>
        IssueAsync(organisationId, regulationId, issueDate, signer, supersedesRegulationId, null, actor, cancellationToken);

    /// <summary>
    /// Issues as above, with <paramref name="finalDocument"/> (the signed, numbered file) as the final document
    /// instead of the approved draft; it is stored by content hash only once the issue is known to be allowed.
    /// Null keeps the approved draft.
    /// </summary>
    public async Task<RegulationState> IssueAsync(string organisationId, string regulationId, DateOnly issueDate, string signer,
        string? supersedesRegulationId, FinalDocument? finalDocument, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signer);
        ArgumentNullException.ThrowIfNull(actor);
        var organisation = await LoadOrganisationAsync(organisationId, cancellationToken);
        var signedBy = Signer.From(organisation.Committee, signer);
        var today = VietnamTime.DateOf(timeProvider.GetUtcNow());
        var current = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, cancellationToken)).Value);
        var approvedOn = await ApprovalDayAsync(current, cancellationToken);

        // Refuse before taking a number or storing a file.
        current.EnsureIssueDate(issueDate, approvedOn, today);
        ContentHash? finalHash = null;
        if (finalDocument is not null)
        {
            if (finalDocument.Content.IsEmpty)
            {
                throw new DomainException(RefusalCode.FinalDocumentEmpty, "The issued text is an empty file.");
            }

            await stores.Documents.UploadAsync(finalDocument.Content, finalDocument.FileName, finalDocument.ContentType, cancellationToken);
            finalHash = ContentHash.Of(finalDocument.Content.Span);
        }

        var (issued, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, regulationId, cancellationToken);
            var regulation = Regulation.FromState(loaded.Value);
            var approved = ApprovedDraftOf(regulation);

            Loaded<RegulationState>? supersededLoaded = null;
            Regulation? superseded = null;
            if (supersedesRegulationId is not null)
            {
                supersededLoaded = await LoadRegulationAsync(organisationId, supersedesRegulationId, cancellationToken);
                superseded = Regulation.FromState(supersededLoaded.Value);
            }

            int number = await NumberForAsync(organisationId, regulation.Term, IssueSubjectOf(regulation), cancellationToken);
            Issuance issuance = new(
                regulationId,
                new DocumentNumber(number, DocumentType.Regulation, organisation.Code),
                signedBy,
                issueDate,
                finalHash ?? approved.ContentHash,
                supersedesRegulationId,
                actor.Id,
                timeProvider.GetUtcNow());
            var supersededReviewDue = superseded?.NextReviewDue;
            regulation.Issue(issuance, superseded, approvedOn, today);

            var symbol = issuance.Number.Symbol;
            var tail = Tail(organisationId, actor).Audit(regulationId, AuditAction.RegulationIssued, [regulationId, symbol, issuance.FinalDocumentHash.ToString()], new
            {
                symbol, issueDate, signer = signedBy.ToString(), supersedes = supersedesRegulationId, nextReviewDue = regulation.NextReviewDue,
                finalDocument = finalDocument?.FileName, approvedDraftHash = approved.ContentHash.ToString(),
            });
            if (supersedesRegulationId is not null)
            {
                tail.Audit(supersedesRegulationId, AuditAction.RegulationSuperseded, [supersedesRegulationId, regulationId], new { by = regulationId, symbol });
                if (supersededReviewDue is { } due)
                {
                    tail.Wake(WakeKind.SignalReview, supersedesRegulationId, ReviewIds.For(due));
                }
            }

            // In force from today: the review cycle starts with the issue, not when the reconciler next looks.
            tail.Wake(WakeKind.EnsureReviewCycle, regulationId);

            // The superseded one first: if the issue then loses its race, the retry finds it superseded by this id
            // and the domain refuses, which is the honest outcome of two concurrent issues.
            if (superseded is not null)
            {
                await stores.Regulations.UpdateAsync(superseded.ToState(), supersededLoaded!.ETag, cancellationToken);
            }

            return (regulation, await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, tail.Build(regulation.ToState()), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return issued.ToState();
    }

    /// <summary>
    /// What <see cref="IssueAsync(string, string, DateOnly, string, string?, FinalDocument?, Actor, CancellationToken)"/>
    /// would do now, without doing it: refuses as it would (signer, stage, issue date), and gives the number and
    /// symbol it would take (the one already registered for this text, else the next of the register) and the
    /// signing block, and, with <paramref name="supersedesRegulationId"/>, refuses as the issue would when that regulation
    /// may not be superseded and names it. Reserves no number and writes nothing, so another issue may take the number
    /// meanwhile.
    /// </summary>
    public async Task<IssuePreview> PreviewIssueAsync(string organisationId, string regulationId, DateOnly issueDate, string signer,
        string? supersedesRegulationId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signer);
        var organisation = await LoadOrganisationAsync(organisationId, cancellationToken);
        var signedBy = Signer.From(organisation.Committee, signer);
        var regulation = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, cancellationToken)).Value);
        var approvedOn = await ApprovalDayAsync(regulation, cancellationToken);
        regulation.EnsureIssueDate(issueDate, approvedOn, VietnamTime.DateOf(timeProvider.GetUtcNow()));
        RegulationState? superseded = null;
        if (supersedesRegulationId is not null)
        {
            superseded = (await LoadRegulationAsync(organisationId, supersedesRegulationId, cancellationToken)).Value;
            regulation.EnsureMaySupersede(Regulation.FromState(superseded));
        }

        string subject = IssueSubjectOf(regulation);
        var taken = await stores.Numbers.ListAsync(organisationId, regulation.Term, DocumentType.Regulation, cancellationToken);
        int number = taken.Any(t => t.SubjectId == subject)
            ? taken.First(t => t.SubjectId == subject).Number
            : DocumentNumbering.Next(
                taken.Select(t => new NumberRegistration(organisationId, regulation.Term, DocumentType.Regulation, t.Number)),
                organisationId, regulation.Term, DocumentType.Regulation);
        return new IssuePreview(new DocumentNumber(number, DocumentType.Regulation, organisation.Code), signedBy, approvedOn, superseded);
    }

    /// <summary>
    /// The regulations an issue of <paramref name="regulationId"/> may supersede: the organisation's others with a text
    /// in force, the latest issued first; none when the text to issue is an amendment (it supersedes nothing).
    /// </summary>
    /// <exception cref="LifecycleNotFoundException">The organisation or the regulation does not exist.</exception>
    public async Task<IReadOnlyList<RegulationState>> SupersedableAsync(string organisationId, string regulationId, CancellationToken cancellationToken = default)
    {
        var regulation = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, cancellationToken)).Value);
        if (regulation.CurrentIssuance is not null)
        {
            return [];
        }

        List<Regulation> others = [];
        await foreach (var loaded in stores.Regulations.ListByOrganisationAsync(organisationId, cancellationToken))
        {
            if (loaded.Value.Id != regulationId && Regulation.FromState(loaded.Value) is { HasTextInForce: true } other)
            {
                others.Add(other);
            }
        }

        return [.. others.OrderByDescending(r => r.CurrentIssuance!.IssueDate).ThenByDescending(r => r.CurrentIssuance!.RecordedAt).Select(r => r.ToState())];
    }

    /// <summary>The register's subject of the text to issue: the original, or one amendment of it.</summary>
    private static string IssueSubjectOf(Regulation regulation) =>
        regulation.ActiveAmendment is { } amendment ? regulation.Id + ":" + amendment.Id : regulation.Id;

    /// <summary>
    /// The Vietnam calendar day the committee approved the text to issue: the decision day of the active cycle's
    /// current vote round. Refuses (as the domain does) when nothing is approved.
    /// </summary>
    private async Task<DateOnly> ApprovalDayAsync(Regulation regulation, CancellationToken cancellationToken)
    {
        ApprovedDraftOf(regulation);
        var cycle = ActiveCycleOf(regulation, "issue");
        var round = cycle.CurrentVoteRoundId is { } roundId ? await stores.Votes.GetAsync(regulation.Id, roundId, cancellationToken) : null;
        return round is not null && VoteRound.FromState(round.Value).DecidedOn is { } decidedOn
            ? decidedOn
            : throw new InvalidTransitionException("regulation", regulation.Stage.ToString(), "issue", "No decided vote round approved the text.");
    }

    private static DraftVersion ApprovedDraftOf(Regulation regulation)
    {
        var cycle = ActiveCycleOf(regulation, "issue");
        return cycle.Stage == DraftingStage.Approved && cycle.LatestDraft is { } approved
            ? approved
            : throw new InvalidTransitionException("regulation", regulation.Stage.ToString(), "issue");
    }

    private async Task<int> NumberForAsync(string organisationId, QuyCheWorkflow.Domain.Organisations.Term term, string subject, CancellationToken cancellationToken)
    {
        var taken = await stores.Numbers.ListAsync(organisationId, term, DocumentType.Regulation, cancellationToken);
        foreach (var (number, subjectId) in taken)
        {
            if (subjectId == subject)
            {
                return number;
            }
        }

        return (await stores.Numbers.RegisterNextAsync(organisationId, term, DocumentType.Regulation, subject, cancellationToken)).Number;
    }

    /// <summary>The review row for the regulation's next due date, created when missing.</summary>
    private async Task<Loaded<PeriodicReviewState>?> EnsurePendingReviewAsync(Regulation regulation, CancellationToken cancellationToken)
    {
        if (regulation.NextReviewDue is not { } due)
        {
            return null;
        }

        string reviewId = ReviewIds.For(due);
        if (await ReadAsync(() => stores.Reviews.GetAsync(regulation.Id, reviewId, cancellationToken), cancellationToken) is { } existing)
        {
            return existing;
        }

        try
        {
            await stores.Reviews.AddAsync(new PeriodicReview(reviewId, regulation.Id, due).ToState(), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Created concurrently: the same review.
        }

        return await stores.Reviews.GetAsync(regulation.Id, reviewId, cancellationToken);
    }
}
