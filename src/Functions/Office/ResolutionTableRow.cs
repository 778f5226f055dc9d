namespace QuyCheWorkflow.Functions.Office;

/// <summary>One comment of the resolution table: the article it is about, its text, who made it and how it was taken up.</summary>
/// <param name="Article">"Điều 5" or "Góp ý chung".</param>
/// <param name="Comment">The comment as sent.</param>
/// <param name="CommentedBy">The organisation or person who made it.</param>
/// <param name="Resolution">"Tiếp thu: …", or empty while not yet resolved.</param>
public sealed record ResolutionTableRow(string Article, string Comment, string CommentedBy, string Resolution);
