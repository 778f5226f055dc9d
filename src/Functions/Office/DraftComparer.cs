using System.Collections.Concurrent;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Documents;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Compares a draft with the previous term's issued regulation or the model of its type
/// (<see cref="RegulationWorkflow.ComparisonSourceAsync"/>), on demand: nothing is stored. The figures of a pair of
/// texts never change, so they are kept in memory by the pair of content hashes; and what a regulation's draft is
/// compared with is settled when it is first asked (the vote page of every member asks it again, and looking the
/// source up costs a dozen reads), so the answer is also kept by regulation and draft. A model published while that
/// draft is before the committee is therefore not picked up by this process until its memory is cleared. Each memory
/// holds up to <see cref="CacheLimit"/> entries, then is forgotten all at once. Thread-safe.
/// </summary>
internal sealed class DraftComparer(RegulationWorkflow workflow, DocumentStore documents)
{
    /// <summary>How many pairs are kept before the memory is cleared.</summary>
    public const int CacheLimit = 512;

    private readonly ConcurrentDictionary<(ContentHash Draft, ContentHash Source), Outcome> _cache = new();
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

        var key = (draftHash, source.Hash);
        if (!_cache.TryGetValue(key, out var outcome))
        {
            outcome = await ComputeAsync(draftHash, source.Hash, cancellationToken);
            if (_cache.Count >= CacheLimit)
            {
                _cache.Clear();
            }

            _cache[key] = outcome;
        }

        return outcome switch
        {
            Outcome.Compared compared => new DraftComparison(source.Origin, compared.Comparison),
            Outcome.DraftWithoutText => new DraftComparison(source.Origin, null),
            _ => null,
        };
    }

    private async Task<Outcome> ComputeAsync(ContentHash draftHash, ContentHash sourceHash, CancellationToken cancellationToken)
    {
        var draft = await TextOfAsync(draftHash, cancellationToken);
        if (draft is null)
        {
            return Outcome.NotComparable.Instance;
        }

        if (!draft.HasText)
        {
            return Outcome.DraftWithoutText.Instance;
        }

        var source = await TextOfAsync(sourceHash, cancellationToken);
        return source is { HasText: true }
            ? new Outcome.Compared(RegulationText.Compare(RegulationText.Parse(draft.Text), RegulationText.Parse(source.Text)))
            : Outcome.NotComparable.Instance;
    }

    private async Task<ExtractedText?> TextOfAsync(ContentHash hash, CancellationToken cancellationToken) =>
        await documents.DownloadAsync(hash, cancellationToken) is { } stored ? DocumentText.Extract(stored.Content) : null;

    private abstract record Outcome
    {
        public sealed record Compared(RegulationComparison Comparison) : Outcome;

        public sealed record DraftWithoutText : Outcome
        {
            public static readonly DraftWithoutText Instance = new();
        }

        public sealed record NotComparable : Outcome
        {
            public static readonly NotComparable Instance = new();
        }
    }
}
