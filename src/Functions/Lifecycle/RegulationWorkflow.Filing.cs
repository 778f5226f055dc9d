using System.Globalization;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle.Tails;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Files the issued text (the original, or an issued amendment) with the organisation's upper level (its
    /// parent) and starts the filing's orchestration (notice with an acknowledgement link, reminders).
    /// </summary>
    public async Task<FilingState> FileAsync(string organisationId, string regulationId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var organisation = await LoadOrganisationAsync(organisationId, cancellationToken);
        string upperLevel = organisation.ParentId
            ?? throw new DomainException(RefusalCode.NoUpperLevel, $"Organisation '{organisation.Id}' has no upper level to file with.",
                new Dictionary<string, string> { ["organisation"] = organisation.Name });
        var (filing, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, regulationId, cancellationToken);
            var regulation = Regulation.FromState(loaded.Value);
            var text = regulation.ActiveAmendment is { Status: AmendmentStatus.Issued } amendment
                ? amendment.Cycle.Issuance
                : regulation.Stage == RegulationStage.Issued ? regulation.CurrentIssuance : null;
            if (text is null)
            {
                throw new InvalidTransitionException("regulation", regulation.Stage.ToString(), "file with the upper level", "Nothing issued is waiting to be filed.");
            }

            Filing filing = new(
                "filing-" + (regulation.FilingIds.Count + 1).ToString(CultureInfo.InvariantCulture),
                regulationId, text.Number.Symbol, upperLevel, actor.Id, timeProvider.GetUtcNow());
            regulation.File(filing);
            var tail = Tail(organisationId, actor)
                .Create(new NewFiling(filing.ToState()))
                .Audit(regulationId, AuditAction.FilingSent, [regulationId, filing.Id, upperLevel], new { symbol = filing.DocumentSymbol, upperLevel })
                .Wake(WakeKind.StartFiling, regulationId, filing.Id);
            return (filing, await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, tail.Build(filing.ToState()), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return filing.ToState();
    }

    /// <summary>The upper level acknowledges the filing: the text is in force and its review cycle starts.</summary>
    public Task<FilingState> AcknowledgeFilingAsync(string regulationId, string filingId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return RespondToFilingAsync(regulationId, filingId, actor, AuditAction.FilingAcknowledged,
            f => f.Acknowledge(actor.Id, timeProvider.GetUtcNow()), _ => null, cancellationToken);
    }

    /// <summary>
    /// The upper level returns the filing with reasons: the text stays in force and an amendment starts with the
    /// reasons; the review cycle keeps running.
    /// </summary>
    public Task<FilingState> ReturnFilingAsync(string regulationId, string filingId, IReadOnlyList<string> reasons, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(actor);
        return RespondToFilingAsync(regulationId, filingId, actor, AuditAction.FilingReturned,
            f => f.Return(reasons, actor.Id, timeProvider.GetUtcNow()), f => new { reasons = f.ReturnReasons }, cancellationToken);
    }

    /// <summary>
    /// Re-applies an answered filing to its regulation if that was interrupted (the reconciler calls this).
    /// Idempotent.
    /// </summary>
    public async Task ApplyFilingResponseAsync(string regulationId, string filingId, CancellationToken cancellationToken = default)
    {
        var filing = Filing.FromState((await LoadFilingAsync(regulationId, filingId, cancellationToken)).Value);
        if (filing.Status != FilingStatus.Sent)
        {
            await ApplyFilingResponseAsync(await OrganisationOfAsync(regulationId, cancellationToken), filing, cancellationToken);
        }
    }

    private async Task<FilingState> RespondToFilingAsync(string regulationId, string filingId, Actor actor, AuditAction action,
        Action<Filing> respond, Func<Filing, object?> details, CancellationToken cancellationToken)
    {
        string organisationId = await OrganisationOfAsync(regulationId, cancellationToken);
        var (filing, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadFilingAsync(regulationId, filingId, cancellationToken);
            var filing = Filing.FromState(loaded.Value);
            respond(filing);
            var tail = Tail(organisationId, actor)
                .Audit(regulationId, action, [regulationId, filingId], details(filing))
                .FollowUp(FollowUpKind.ApplyFilingResponse, regulationId, filingId)
                .Wake(WakeKind.SignalFiling, regulationId, filingId);
            return (filing, await stores.Filings.UpdateAsync(filing.ToState(), loaded.ETag, tail.Build(filing.ToState()), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return filing.ToState();
    }

    private async Task ApplyFilingResponseAsync(string organisationId, Filing filing, CancellationToken cancellationToken)
    {
        var written = await RetryOnConflictAsync(filing.RegulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, filing.RegulationId, cancellationToken);
            var regulation = Regulation.FromState(loaded.Value);
            bool awaiting = (regulation.Stage == RegulationStage.Filed && regulation.FilingId == filing.Id)
                || regulation.ActiveAmendment is { Status: AmendmentStatus.Filed } a && a.FilingId == filing.Id;
            if (!awaiting)
            {
                return null;
            }

            if (filing.Status == FilingStatus.Acknowledged)
            {
                regulation.ApplyFilingAcknowledged(filing);
            }
            else
            {
                string amendmentId = "amendment-" + (regulation.Amendments.Count + 1).ToString(CultureInfo.InvariantCulture);
                regulation.ApplyFilingReturned(filing, amendmentId, timeProvider.GetUtcNow());
            }

            var tail = Tail(organisationId, Actors.System)
                .FollowUp(FollowUpKind.EnsurePendingReview, filing.RegulationId)
                .Wake(WakeKind.EnsureReviewCycle, filing.RegulationId);
            return await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, tail.Build(true), cancellationToken);
        });

        if (written is not null)
        {
            await CompleteAsync(written, cancellationToken);
        }
    }

    private async Task<Loaded<FilingState>> LoadFilingAsync(string regulationId, string filingId, CancellationToken cancellationToken) =>
        await ReadAsync(() => stores.Filings.GetAsync(regulationId, filingId, cancellationToken), cancellationToken)
        ?? throw new LifecycleNotFoundException($"Filing '{filingId}' of regulation '{regulationId}' does not exist.");
}
