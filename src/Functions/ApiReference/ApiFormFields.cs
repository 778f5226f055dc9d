namespace QuyCheWorkflow.Functions.ApiReference;

/// <summary>Endpoint metadata: the named parts of the endpoint's <c>multipart/form-data</c> body.</summary>
public sealed record ApiFormFields(IReadOnlyList<ApiField> Fields);
