using QuyCheWorkflow.Domain.Documents;

namespace QuyCheWorkflow.Functions.OfficeConsole.Comparison;

/// <summary>One article as the comparison page shows it.</summary>
/// <param name="Change">Unchanged, changed, new or removed.</param>
/// <param name="DraftNumber">Its number in the text compared; null when removed.</param>
/// <param name="ReferenceNumber">Its number in the reference; null when new.</param>
/// <param name="Heading">Its heading as the text compared has it (the reference's when removed).</param>
/// <param name="SimilarityPercent">How alike the two bodies are.</param>
/// <param name="Segments">The body: a word diff when changed, one run otherwise (inserted when new, deleted when removed).</param>
public sealed record ArticleView(ArticleChange Change, int? DraftNumber, int? ReferenceNumber, string Heading, int SimilarityPercent,
    IReadOnlyList<DiffSegment> Segments)
{
    /// <summary>"Không thay đổi", "Có thay đổi", "Điều mới", "Đã bỏ".</summary>
    public string ChangeLabel => Change switch
    {
        ArticleChange.Unchanged => "Không thay đổi",
        ArticleChange.Changed => "Có thay đổi",
        ArticleChange.New => "Điều mới",
        _ => "Đã bỏ",
    };

    /// <summary>The CSS modifier of <see cref="Change"/>.</summary>
    public string ChangeClass => Change.ToString().ToLowerInvariant();
}
