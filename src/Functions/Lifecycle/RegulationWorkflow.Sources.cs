using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Starts a regulation of <paramref name="organisationId"/> for its current term whose first draft is an
    /// existing text: the model regulation that applies to the organisation's type (<see cref="DraftOrigin.Model"/>,
    /// published by the nearest organisation above it) or the final document of its previous term's issued
    /// regulation (<see cref="DraftOrigin.PreviousTerm"/>, <see cref="DraftSources.PreviousTermRegulation"/>). The
    /// document is already stored under its hash, so draft 1 only refers to it. The source is looked up before
    /// anything is written: without one nothing is created and a retry is safe.
    /// </summary>
    /// <exception cref="LifecycleNotFoundException">The organisation does not exist.</exception>
    /// <exception cref="DomainException">There is no such source, or the id is taken.</exception>
    public async Task<RegulationState> CreateRegulationFromAsync(string organisationId, string regulationId, string title,
        ReviewSchedule? schedule, DraftOrigin startFrom, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (startFrom == DraftOrigin.Upload)
        {
            throw new ArgumentOutOfRangeException(nameof(startFrom), startFrom, "An empty regulation is created with CreateRegulationAsync.");
        }

        var organisation = await LoadOrganisationAsync(organisationId, cancellationToken);
        var (hash, fileName, contentType, sourceId) = startFrom == DraftOrigin.Model
            ? await ModelSourceAsync(organisation, cancellationToken)
            : await PreviousTermSourceAsync(organisation, cancellationToken);
        var now = timeProvider.GetUtcNow();
        Regulation regulation = new(regulationId, organisationId, organisation.CurrentTerm, title, schedule, now);
        DraftVersion first = new(1, hash, fileName, contentType, actor.Id, now, startFrom, sourceId);
        regulation.AddDraft(first);
        var tail = Tail(organisationId, actor)
            .Audit(regulationId, AuditAction.RegulationCreated, [regulationId, organisationId], new
            {
                title,
                term = regulation.Term.ToString(),
                cadenceMonths = regulation.ReviewSchedule.CadenceMonths,
                origin = startFrom.ToString(),
                sourceId,
            })
            .Audit(regulationId, AuditAction.DraftUploaded, [regulationId, hash.ToString()],
                new { version = first.Number, fileName, contentType, origin = startFrom.ToString(), sourceId });
        await AddNewRegulationAsync(regulation, tail, cancellationToken);
        return regulation.ToState();
    }

    /// <summary>
    /// The existing text a draft of <paramref name="regulation"/> is compared with: the source its first draft was
    /// taken from when there is one still (the model of the organisation's type for <see cref="DraftOrigin.Model"/>,
    /// else the previous term's issued regulation), otherwise the other of the two; null when neither exists. Found
    /// as <see cref="CreateRegulationFromAsync"/> finds them; reads only.
    /// </summary>
    internal async Task<(ContentHash Hash, DraftOrigin Origin)?> ComparisonSourceAsync(RegulationState regulation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        var organisation = await LoadOrganisationAsync(regulation.OrganisationId, cancellationToken);
        DraftOrigin[] order = regulation.InitialCycle.Drafts is [var first, ..] && first.Origin == DraftOrigin.Model
            ? [DraftOrigin.Model, DraftOrigin.PreviousTerm]
            : [DraftOrigin.PreviousTerm, DraftOrigin.Model];
        foreach (var origin in order)
        {
            try
            {
                var (hash, _, _, _) = origin == DraftOrigin.Model
                    ? await ModelSourceAsync(organisation, cancellationToken)
                    : await PreviousTermSourceAsync(organisation, cancellationToken);
                return (hash, origin);
            }
            catch (DomainException missing) when (missing.Code is RefusalCode.ModelRegulationMissing or RefusalCode.PreviousRegulationMissing
                or RefusalCode.IssuedDocumentMissing)
            {
                // No such source: try the other.
            }
        }

        return null;
    }

    private async Task<(ContentHash Hash, string FileName, string ContentType, string SourceId)> ModelSourceAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        var model = await stores.Models.FindApplicableAsync(organisation.Id, organisation.Type, includeSelf: false, cancellationToken)
            ?? throw new DomainException(RefusalCode.ModelRegulationMissing, $"No model regulation applies to organisation '{organisation.Id}' of type {organisation.Type}.");
        return (model.ContentHash, model.FileName, model.ContentType, model.Id);
    }

    private async Task<(ContentHash Hash, string FileName, string ContentType, string SourceId)> PreviousTermSourceAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        List<Regulation> regulations = [];
        await foreach (var loaded in stores.Regulations.ListByOrganisationAsync(organisation.Id, cancellationToken))
        {
            regulations.Add(Regulation.FromState(loaded.Value));
        }

        var previous = DraftSources.PreviousTermRegulation(organisation, regulations)
            ?? throw new DomainException(RefusalCode.PreviousRegulationMissing, $"Organisation '{organisation.Id}' has no issued regulation of the term before {organisation.CurrentTerm}.",
                new Dictionary<string, string> { ["term"] = organisation.CurrentTerm.ToString() });
        var hash = previous.CurrentIssuance!.FinalDocumentHash;
        if (DraftSources.FinalDraftOf(previous) is { } final)
        {
            return (hash, final.FileName, final.ContentType, previous.Id);
        }

        var stored = await stores.Documents.DownloadAsync(hash, cancellationToken)
            ?? throw new DomainException(RefusalCode.IssuedDocumentMissing, $"The issued text of regulation '{previous.Id}' is no longer stored.",
                new Dictionary<string, string> { ["regulationId"] = previous.Id });
        return (hash, stored.FileName, stored.ContentType, previous.Id);
    }
}
