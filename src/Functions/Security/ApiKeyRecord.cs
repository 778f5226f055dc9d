namespace QuyCheWorkflow.Functions.Security;

/// <summary>What is known about a stored API key; never its secret.</summary>
public sealed record ApiKeyRecord(
    string KeyId,
    ApiRole Role,
    string OrganisationId,
    string? Label,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
