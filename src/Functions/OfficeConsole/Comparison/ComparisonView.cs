using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Quality;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Comparison;

/// <summary>What the comparison page shows of one regulation.</summary>
/// <param name="OrganisationId">Its organisation.</param>
/// <param name="RegulationId">The regulation.</param>
/// <param name="RegulationTitle">Its title.</param>
/// <param name="TextChoices">The texts that can be compared: its drafts ("3": "Dự thảo lần 3") and its issued text.</param>
/// <param name="ReferenceChoices">"previous" and "model".</param>
/// <param name="Text">The chosen text's value, as the form posts it.</param>
/// <param name="With">The chosen reference's value.</param>
/// <param name="Errors">A message per field the query got wrong (the page then shows only the form).</param>
/// <param name="TextLabel">"Dự thảo lần 3" or "Văn bản ban hành".</param>
/// <param name="Reference">The reference compared with; null when there is none.</param>
/// <param name="Figure">The whole texts' similarity, or why there is none.</param>
/// <param name="Articles">Each article's fate, the text's in order and then the removed ones.</param>
/// <param name="Rounds">The closed consultation rounds with their quality.</param>
/// <param name="Thresholds">The upper level's thresholds they were judged by.</param>
public sealed record ComparisonView(
    string OrganisationId,
    string RegulationId,
    string RegulationTitle,
    IReadOnlyList<FormChoice> TextChoices,
    IReadOnlyList<FormChoice> ReferenceChoices,
    string? Text,
    string? With,
    IReadOnlyDictionary<string, string> Errors,
    string? TextLabel,
    ReferenceText? Reference,
    LikenessFigure? Figure,
    IReadOnlyList<ArticleView> Articles,
    IReadOnlyList<ClosedRoundQuality> Rounds,
    QualityThresholds Thresholds)
{
    /// <summary>How many articles had each fate.</summary>
    public int Count(Domain.Documents.ArticleChange change) => Articles.Count(a => a.Change == change);
}
