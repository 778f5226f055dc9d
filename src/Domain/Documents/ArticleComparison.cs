namespace QuyCheWorkflow.Domain.Documents;

/// <summary>One article's fate in a <see cref="RegulationComparison"/>.</summary>
/// <param name="Change">Unchanged, changed, new or removed.</param>
/// <param name="DraftNumber">Its number in the draft; null when removed.</param>
/// <param name="ReferenceNumber">Its number in the reference text; null when new.</param>
/// <param name="SimilarityPercent">How alike the two bodies are (<see cref="TextSimilarity.Percent"/>); 0 when new or removed.</param>
public sealed record ArticleComparison(ArticleChange Change, int? DraftNumber, int? ReferenceNumber, int SimilarityPercent);
