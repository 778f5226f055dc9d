namespace QuyCheWorkflow.Functions.Office;

/// <summary>How many comments of a consultation round named one article (Điều N).</summary>
public sealed record ArticleCommentsResponse(int Article, int Comments);
