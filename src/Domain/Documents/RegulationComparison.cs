namespace QuyCheWorkflow.Domain.Documents;

/// <summary>How a draft compares with a reference text (the previous term's regulation, or a model).</summary>
/// <param name="SimilarityPercent">The whole normalised texts' similarity, 0–100 (<see cref="TextSimilarity.Percent"/>).</param>
/// <param name="Articles">Each article's fate: the draft's articles in order, then the removed ones in the reference's order.</param>
public sealed record RegulationComparison(int SimilarityPercent, IReadOnlyList<ArticleComparison> Articles)
{
    /// <summary>How many articles the draft has.</summary>
    public int DraftArticleCount => Articles.Count(a => a.DraftNumber is not null);

    /// <summary>How many of the draft's articles are changed or new.</summary>
    public int ChangedOrNewCount => Articles.Count(a => a.Change is ArticleChange.Changed or ArticleChange.New);

    /// <summary>How many of the reference's articles the draft no longer has.</summary>
    public int RemovedCount => Articles.Count(a => a.Change == ArticleChange.Removed);
}
