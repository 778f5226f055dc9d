using System.Collections.Concurrent;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Documents;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Quality;

/// <summary>
/// Copy detection and consultation quality of a regulation, read from the stores on demand (nothing is stored here):
/// its current text (the active cycle's latest draft, else the issued text) compared with the previous term's issued
/// regulation and with the model of its type, and the figures of each closed consultation round
/// (<see cref="ConsultationQuality"/>), judged against the thresholds of the nearest upper level that set them
/// (<see cref="ThresholdsForAsync"/>). A file's text is the same for ever, so the text of each file and the
/// comparison of each pair of files are kept in memory by content hash, up to <see cref="CacheLimit"/> entries each,
/// then forgotten all at once. Thread-safe.
/// </summary>
public sealed class RegulationQuality(
    OrganisationStore organisations,
    RegulationStore regulations,
    ModelRegulationStore models,
    ConsultationStore consultations,
    DocumentStore documents)
{
    /// <summary>How many texts, and how many comparisons, are kept before that memory is cleared.</summary>
    public const int CacheLimit = 256;

    private readonly ConcurrentDictionary<ContentHash, DocumentReading> _texts = new();
    private readonly ConcurrentDictionary<(ContentHash Text, ContentHash Reference), (LikenessFigure Figure, RegulationComparison? Comparison)> _comparisons = new();

    /// <summary>
    /// The thresholds that apply to <paramref name="organisation"/>: those set on the nearest organisation above it,
    /// else <see cref="QualityThresholds.Default"/>. Its own setting is for those below it, not for itself.
    /// </summary>
    public async Task<QualityThresholds> ThresholdsForAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        HashSet<string> seen = new(StringComparer.Ordinal) { organisation.Id };
        for (var parentId = organisation.ParentId; parentId is not null && seen.Add(parentId);)
        {
            if (await organisations.GetAsync(parentId, cancellationToken) is not { } parent)
            {
                break;
            }

            if (parent.Value.QualityThresholds is { } thresholds)
            {
                return thresholds;
            }

            parentId = parent.Value.ParentId;
        }

        return QualityThresholds.Default;
    }

    /// <summary>The file whose text is the regulation's now: its active cycle's latest draft, else its issued text; null when it has neither.</summary>
    public static ContentHash? CurrentTextOf(Regulation regulation)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        return regulation.ActiveCycle?.LatestDraft?.ContentHash ?? regulation.CurrentIssuance?.FinalDocumentHash;
    }

    /// <summary>The previous term's issued regulation of <paramref name="organisation"/> (<see cref="DraftSources.PreviousTermRegulation"/>), or null.</summary>
    public static ReferenceText? PreviousTermOf(Organisation organisation, IEnumerable<Regulation> ofOrganisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return DraftSources.PreviousTermRegulation(organisation, ofOrganisation) is { } previous
            ? new ReferenceText(DraftOrigin.PreviousTerm, previous.CurrentIssuance!.FinalDocumentHash, previous.Id, previous.Title)
            : null;
    }

    /// <summary>The model regulation that applies to <paramref name="organisation"/>'s type, published above it, or null.</summary>
    public async Task<ReferenceText?> ModelOfAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return await models.FindApplicableAsync(organisation.Id, organisation.Type, includeSelf: false, cancellationToken) is { } model
            ? new ReferenceText(DraftOrigin.Model, model.ContentHash, model.Id, model.Title)
            : null;
    }

    /// <summary>The regulations of <paramref name="organisationId"/>, every term.</summary>
    public async Task<IReadOnlyList<Regulation>> RegulationsOfAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        List<Regulation> list = [];
        await foreach (var loaded in regulations.ListByOrganisationAsync(organisationId, cancellationToken))
        {
            list.Add(Regulation.FromState(loaded.Value));
        }

        return list;
    }

    /// <summary>
    /// How alike <paramref name="regulation"/>'s current text (<see cref="CurrentTextOf"/>) is to the previous term's
    /// regulation and to the model, and whether that makes it copied under <paramref name="thresholds"/>; null when
    /// the regulation has no text yet.
    /// </summary>
    public async Task<TextLikeness?> LikenessAsync(Organisation organisation, IReadOnlyList<Regulation> ofOrganisation, Regulation regulation,
        QualityThresholds thresholds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(regulation);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (CurrentTextOf(regulation) is not { } text)
        {
            return null;
        }

        // A regulation that is itself the previous term's (an old term's text) is not compared with itself.
        var previous = PreviousTermOf(organisation, ofOrganisation.Where(r => r.Id != regulation.Id));
        var (toPrevious, _) = await CompareAsync(text, previous, cancellationToken);
        var (toModel, _) = await CompareAsync(text, await ModelOfAsync(organisation, cancellationToken), cancellationToken);
        bool copied = toPrevious is { Kind: LikenessKind.Measured, Percent: { } percent } && percent >= thresholds.CopiedFromPreviousTermPercent;
        return new TextLikeness(toPrevious, toModel, copied);
    }

    /// <summary>
    /// How the file <paramref name="text"/> compares with <paramref name="reference"/>: the figure, and the per-article
    /// comparison when both have text.
    /// </summary>
    public async Task<(LikenessFigure Figure, RegulationComparison? Comparison)> CompareAsync(ContentHash text, ReferenceText? reference,
        CancellationToken cancellationToken = default) =>
        reference is null ? (LikenessFigure.NoReference, null) : await CompareAsync(text, reference.Hash, cancellationToken);

    /// <summary>
    /// How the stored file <paramref name="text"/> compares with the stored file <paramref name="reference"/>: the figure
    /// (measured, or why not: the text is a scan, either file cannot be read, the reference is a scan), and the
    /// per-article comparison when both have text. Kept in memory by the pair of hashes: the figures never change.
    /// </summary>
    public async Task<(LikenessFigure Figure, RegulationComparison? Comparison)> CompareAsync(ContentHash text, ContentHash reference,
        CancellationToken cancellationToken = default)
    {
        var key = (text, reference);
        if (_comparisons.TryGetValue(key, out var known))
        {
            return known;
        }

        var own = await ReadAsync(text, cancellationToken);
        var other = await ReadAsync(reference, cancellationToken);
        (LikenessFigure, RegulationComparison?) outcome = (own, other) switch
        {
            ({ IsScanned: true }, _) => (new LikenessFigure(LikenessKind.Scanned, null), null),
            ({ Text: null }, _) or (_, { Text: null, IsScanned: false }) => (new LikenessFigure(LikenessKind.Unreadable, null), null),
            (_, { IsScanned: true }) => (new LikenessFigure(LikenessKind.ReferenceScanned, null), null),
            _ => Measured(RegulationText.Compare(own.Text!, other.Text!)),
        };
        Remember(_comparisons, key, outcome);
        return outcome;

        static (LikenessFigure, RegulationComparison?) Measured(RegulationComparison comparison) =>
            (new LikenessFigure(LikenessKind.Measured, comparison.SimilarityPercent), comparison);
    }

    /// <summary>The text of the stored file <paramref name="hash"/>, split into articles; or why there is none.</summary>
    public async Task<DocumentReading> ReadAsync(ContentHash hash, CancellationToken cancellationToken = default)
    {
        if (_texts.TryGetValue(hash, out var known))
        {
            return known;
        }

        var reading = await documents.DownloadAsync(hash, cancellationToken) is { } stored && DocumentText.Extract(stored.Content) is { } extracted
            ? extracted.HasText ? new DocumentReading(RegulationText.Parse(extracted.Text), false) : DocumentReading.Scanned
            : DocumentReading.Unreadable;
        Remember(_texts, hash, reading);
        return reading;
    }

    /// <summary>
    /// Every closed consultation round of <paramref name="regulation"/>, oldest first, each measured against
    /// <paramref name="thresholds"/>; the articles without comments are those of the draft the round was on.
    /// </summary>
    public async Task<IReadOnlyList<ClosedRoundQuality>> ClosedRoundsAsync(Regulation regulation, QualityThresholds thresholds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        ArgumentNullException.ThrowIfNull(thresholds);
        List<ClosedRoundQuality> rounds = [];
        foreach (var cycle in regulation.Cycles)
        {
            foreach (var roundId in cycle.ConsultationRoundIds)
            {
                if (await consultations.GetRoundAsync(regulation.Id, roundId, cancellationToken) is not { Value.Status: ConsultationStatus.Closed } round)
                {
                    continue;
                }

                if (await MeasureAsync(regulation, round.Value, thresholds, cancellationToken) is { } quality)
                {
                    rounds.Add(new ClosedRoundQuality(round.Value, quality));
                }
            }
        }

        return rounds;
    }

    /// <summary>
    /// The latest closed consultation round of <paramref name="regulation"/> with its quality, or null: the rounds are
    /// read newest first, and reading stops at the first closed one (what the status row needs, at the least reads).
    /// </summary>
    public async Task<ClosedRoundQuality?> LatestClosedRoundAsync(Regulation regulation, QualityThresholds thresholds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        ArgumentNullException.ThrowIfNull(thresholds);
        var roundIds = regulation.Cycles.SelectMany(c => c.ConsultationRoundIds).Reverse();
        foreach (var roundId in roundIds)
        {
            if (await consultations.GetRoundAsync(regulation.Id, roundId, cancellationToken) is { Value.Status: ConsultationStatus.Closed } round &&
                await MeasureAsync(regulation, round.Value, thresholds, cancellationToken) is { } quality)
            {
                return new ClosedRoundQuality(round.Value, quality);
            }
        }

        return null;
    }

    /// <summary>
    /// The quality of <paramref name="round"/> of <paramref name="regulation"/> (its resolution sheet read, the
    /// articles of the draft it was on extracted), or null while it is open.
    /// </summary>
    public async Task<ConsultationQuality?> MeasureAsync(Regulation regulation, ConsultationRoundState round, QualityThresholds thresholds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        ArgumentNullException.ThrowIfNull(round);
        if (round.Status != ConsultationStatus.Closed)
        {
            return null;
        }

        var sheet = await consultations.GetSheetAsync(regulation.Id, round.Id, cancellationToken);
        var cycle = regulation.Cycles
            .FirstOrDefault(c => c.ConsultationRoundIds.Contains(round.Id));
        var draft = cycle?.Drafts.FirstOrDefault(d => d.Number == round.DraftVersion);
        IReadOnlyCollection<int>? articles = draft is null
            ? null
            : (await ReadAsync(draft.ContentHash, cancellationToken)).Text?.Articles.Select(a => a.Number).ToList();
        return ConsultationQuality.Measure(round, sheet?.Value, articles, thresholds);
    }

    private static void Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> memory, TKey key, TValue value)
        where TKey : notnull
    {
        if (memory.Count >= CacheLimit)
        {
            memory.Clear();
        }

        memory[key] = value;
    }
}
