namespace QuyCheWorkflow.Functions.Security;

/// <summary>The answer to creating a key; <see cref="Key"/> is never shown again.</summary>
public sealed record ApiKeyCreatedResponse(
    string Key, string KeyId, ApiRole Role, string OrganisationId, string? Label, DateTimeOffset CreatedAt);
