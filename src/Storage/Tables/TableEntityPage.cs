namespace QuyCheWorkflow.Storage.Tables;

/// <summary>One page of a query, and the token that resumes the query after it (null on the last page).</summary>
public sealed record TableEntityPage(IReadOnlyList<TableEntity> Values, string? ContinuationToken);
