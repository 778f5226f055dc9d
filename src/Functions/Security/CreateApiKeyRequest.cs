namespace QuyCheWorkflow.Functions.Security;

/// <summary>Body of <c>POST /api/admin/api-keys</c>; role is an <see cref="ApiRole"/> name.</summary>
public sealed record CreateApiKeyRequest(string? OrganisationId, string? Role, string? Label);
