namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>How many comments of a consultation round were on one article.</summary>
/// <param name="Article">The article number N of "Điều N".</param>
/// <param name="Comments">How many comments named it (at least one).</param>
public sealed record ArticleCommentCount(int Article, int Comments);
