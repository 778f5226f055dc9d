namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>
/// One comment (<i>ý kiến góp ý</i>) from a consulted party. <see cref="Article"/> is the article number N of
/// "Điều N", or null for a general comment on the whole draft.
/// </summary>
/// <param name="CommentId">
/// Assigned by the round: <c>{recipientId}#{n}</c>, n counting from 1 in the order given. Stable once the round
/// is closed (an answer may be replaced while the round is open).
/// </param>
/// <param name="RecipientId">Who made the comment.</param>
/// <param name="Article">Article number (≥ 1) or null for a general comment.</param>
/// <param name="Text">The comment text.</param>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record Comment(string CommentId, string RecipientId, int? Article, string Text)
{
    /// <summary>"Điều 5" or "Góp ý chung" (general), as shown in the summary table.</summary>
    public string ArticleLabel => Article is { } n ? $"Điều {n}" : "Góp ý chung";
}
