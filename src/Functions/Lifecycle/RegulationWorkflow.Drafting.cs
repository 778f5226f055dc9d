using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Stores the file (content-addressed, so a repeat stores nothing new) and records it as the next draft
    /// version of the active drafting cycle. The caller has checked the file type.
    /// </summary>
    public async Task<DraftVersion> UploadDraftAsync(string organisationId, string regulationId, ReadOnlyMemory<byte> content,
        string fileName, string contentType, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);

        // Refuse before storing anything: the transition is tried in memory first, so a refused upload leaves no blob.
        var hash = ContentHash.Of(content.Span);
        var probe = Regulation.FromState((await LoadRegulationAsync(organisationId, regulationId, cancellationToken)).Value);
        probe.AddDraft(new DraftVersion(ActiveCycleOf(probe, "upload a draft").Drafts.Count + 1, hash, fileName, contentType, actor.Id, timeProvider.GetUtcNow()));
        await stores.Documents.UploadAsync(content, fileName, contentType, cancellationToken);
        var (draft, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadRegulationAsync(organisationId, regulationId, cancellationToken);
            var regulation = Regulation.FromState(loaded.Value);
            var cycle = ActiveCycleOf(regulation, "upload a draft");
            DraftVersion version = new(cycle.Drafts.Count + 1, hash, fileName, contentType, actor.Id, timeProvider.GetUtcNow());
            regulation.AddDraft(version);
            var tail = Tail(organisationId, actor).Audit(regulationId, AuditAction.DraftUploaded, [regulationId, hash.ToString()],
                new { version = version.Number, fileName, contentType, bytes = content.Length });
            return (version, await stores.Regulations.UpdateAsync(regulation.ToState(), loaded.ETag, tail.Build(version), cancellationToken));
        });

        await CompleteAsync(written, cancellationToken);
        return draft;
    }
}
