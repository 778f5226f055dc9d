namespace QuyCheWorkflow.Functions.ApiReference;

/// <summary>Endpoint metadata: another content type the endpoint can answer a status code with, as text.</summary>
public sealed record ApiAlternativeResponse(int StatusCode, string ContentType, string Description);
