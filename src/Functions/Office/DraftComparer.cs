using System.Collections.Concurrent;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Quality;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Compares a draft with the previous term's issued regulation or the model of its type
/// (<see cref="RegulationWorkflow.ComparisonSourceAsync"/>), on demand: nothing is stored. The texts and figures of a
/// pair of files are <see cref="RegulationQuality"/>'s (read, split and compared once, kept by content hash); what a
/// regulation's draft is compared with is settled when it is first asked (the vote page of every member asks it
/// again, and looking the source up costs a dozen reads), so the answer is kept by regulation and draft. A model
/// published while that draft is before the committee is therefore not picked up by this process until its memory is
/// cleared. The memory holds up to <see cref="CacheLimit"/> entries, then is forgotten all at once. Thread-safe.
/// </summary>
internal sealed class DraftComparer(RegulationWorkflow workflow, RegulationQuality quality)
{
    /// <summary>How many drafts are kept before the memory is cleared.</summary>
    public const int CacheLimit = 512;

    private readonly ConcurrentDictionary<(string RegulationId, ContentHash Draft), DraftComparison?> _byDraft = new();

    /// <summary>
    /// How the draft <paramref name="draftHash"/> of <paramref name="regulation"/> compares with its source; null
    /// when there is no source, when either file is no longer stored or cannot be read, or when the source has no text.
    /// </summary>
    public async Task<DraftComparison?> CompareAsync(RegulationState regulation, ContentHash draftHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        var draftKey = (regulation.Id, draftHash);
        if (_byDraft.TryGetValue(draftKey, out var known))
        {
            return known;
        }

        var comparison = await CompareAfreshAsync(regulation, draftHash, cancellationToken);
        if (_byDraft.Count >= CacheLimit)
        {
            _byDraft.Clear();
        }

        _byDraft[draftKey] = comparison;
        return comparison;
    }

    private async Task<DraftComparison?> CompareAfreshAsync(RegulationState regulation, ContentHash draftHash, CancellationToken cancellationToken)
    {
        if (await workflow.ComparisonSourceAsync(regulation, cancellationToken) is not { } source)
        {
            return null;
        }

        var (figure, comparison) = await quality.CompareAsync(draftHash, source.Hash, cancellationToken);
        return figure.Kind switch
        {
            LikenessKind.Measured => new DraftComparison(source.Origin, comparison),
            LikenessKind.Scanned => new DraftComparison(source.Origin, null),
            _ => null,
        };
    }
}
