namespace QuyCheWorkflow.Functions.ApiReference;

/// <summary>Endpoint metadata: the query parameters an endpoint reads from the query string itself.</summary>
public sealed record ApiQueryParameters(IReadOnlyList<ApiField> Parameters);
