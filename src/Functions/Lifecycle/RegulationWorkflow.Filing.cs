using System.Globalization;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Files the issued text (the original, or an issued amendment) with the organisation's upper level (its
    /// parent) and starts the filing's orchestration (notice with an acknowledgement link, reminders).
    /// </summary>
    public async Task<FilingState> FileAsync(string organisationId, string regulationId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var organisation = await LoadOrganisationAsync(organisationId, ct);
        string upperLevel = organisation.ParentId
            ?? throw new DomainException(RefusalCode.NoUpperLevel, $"Organisation '{organisation.Id}' has no upper level to file with.",
                new Dictionary<string, string> { ["organisation"] = organisation.Name });
        var filing = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, regulationId, ct);
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
            await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, ct);
            return filing;
        });

        await stores.Filings.AddAsync(filing.ToState(), ct);
        await AuditAsync(regulationId, actor, "filing.sent", [regulationId, filing.Id, upperLevel],
            new { symbol = filing.DocumentSymbol, upperLevel }, ct);
        await RefreshStatusAsync(organisationId, ct);
        await orchestrations.StartFilingAsync(organisationId, regulationId, filing.Id, ct);
        return filing.ToState();
    }

    /// <summary>The upper level acknowledges the filing: the text is in force and its review cycle starts.</summary>
    public async Task<FilingState> AcknowledgeFilingAsync(string regulationId, string filingId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var filing = await RespondToFilingAsync(regulationId, filingId, f => f.Acknowledge(actor.Id, timeProvider.GetUtcNow()), ct);
        string organisationId = (await FindOrganisationIdAsync(regulationId, ct))!;
        await AuditAsync(regulationId, actor, "filing.acknowledged", [regulationId, filingId], null, ct);
        await ApplyFilingResponseAsync(organisationId, filing, ct);
        await orchestrations.RaiseFilingAnsweredAsync(regulationId, filingId, ct);
        return filing.ToState();
    }

    /// <summary>
    /// The upper level returns the filing with reasons: the text stays in force and an amendment starts with the
    /// reasons; the review cycle keeps running.
    /// </summary>
    public async Task<FilingState> ReturnFilingAsync(string regulationId, string filingId, IReadOnlyList<string> reasons, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(actor);
        var filing = await RespondToFilingAsync(regulationId, filingId, f => f.Return(reasons, actor.Id, timeProvider.GetUtcNow()), ct);
        string organisationId = (await FindOrganisationIdAsync(regulationId, ct))!;
        await AuditAsync(regulationId, actor, "filing.returned", [regulationId, filingId], new { reasons = filing.ReturnReasons }, ct);
        await ApplyFilingResponseAsync(organisationId, filing, ct);
        await orchestrations.RaiseFilingAnsweredAsync(regulationId, filingId, ct);
        return filing.ToState();
    }

    /// <summary>
    /// Re-applies an answered filing to its regulation if that was interrupted (the reconciler calls this).
    /// Idempotent.
    /// </summary>
    public async Task ApplyFilingResponseAsync(string regulationId, string filingId, CancellationToken ct = default)
    {
        var filing = Filing.FromState((await LoadFilingAsync(regulationId, filingId, ct)).Value);
        if (filing.Status != FilingStatus.Sent)
        {
            await ApplyFilingResponseAsync((await FindOrganisationIdAsync(regulationId, ct))!, filing, ct);
        }
    }

    private async Task<Filing> RespondToFilingAsync(string regulationId, string filingId, Action<Filing> respond, CancellationToken ct) =>
        await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadFilingAsync(regulationId, filingId, ct);
            var filing = Filing.FromState(loaded.Value);
            respond(filing);
            await stores.Filings.UpdateAsync(filing.ToState(), loaded.ETag, ct);
            return filing;
        });

    private async Task ApplyFilingResponseAsync(string organisationId, Filing filing, CancellationToken ct)
    {
        var regulation = await RetryOnConflictAsync(filing.RegulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, filing.RegulationId, ct);
            var regulation = Regulation.FromState(loaded.Value);
            bool awaiting = (regulation.Stage == RegulationStage.Filed && regulation.FilingId == filing.Id)
                || regulation.ActiveAmendment is { Status: AmendmentStatus.Filed } a && a.FilingId == filing.Id;
            if (!awaiting)
            {
                return regulation;
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

            await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, ct);
            return regulation;
        });

        await EnsurePendingReviewAsync(regulation, ct);
        await RefreshStatusAsync(organisationId, ct);
        await orchestrations.EnsureReviewCycleAsync(organisationId, regulation.ToState(), ct);
    }

    private async Task<Loaded<FilingState>> LoadFilingAsync(string regulationId, string filingId, CancellationToken ct) =>
        await stores.Filings.GetAsync(regulationId, filingId, ct)
        ?? throw new LifecycleNotFoundException($"Filing '{filingId}' of regulation '{regulationId}' does not exist.");
}
