using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.Security;

/// <summary>
/// API keys in the <c>apikeys</c> table, one entity per key (PartitionKey = key id, RowKey = "key"), holding the
/// SHA-256 of the key, its role and organisation and, once revoked, when. Thread-safe.
/// </summary>
public sealed class ApiKeyStore
{
    public const string TableName = "apikeys";

    private const string RowKey = "key";
    private const string HashProperty = "Hash";
    private const string RoleProperty = "Role";
    private const string OrganisationProperty = "OrganisationId";
    private const string LabelProperty = "Label";
    private const string CreatedAtProperty = "CreatedAt";
    private const string RevokedAtProperty = "RevokedAt";

    private readonly TableClient _table;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ApiKeyStore> _logger;
    private Task? _tableCreated;

    public ApiKeyStore(TableServiceClient tables, TimeProvider timeProvider, ILogger<ApiKeyStore> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(TableName);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<CreatedApiKey> CreateAsync(
        ApiRole role, string organisationId, string? label, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var (keyId, key) = ApiKey.Generate();
        var record = new ApiKeyRecord(keyId, role, organisationId, label, _timeProvider.GetUtcNow(), RevokedAt: null);
        var entity = new TableEntity(keyId, RowKey)
        {
            [HashProperty] = ApiKey.Hash(key),
            [RoleProperty] = role.ToString(),
            [OrganisationProperty] = organisationId,
            [CreatedAtProperty] = record.CreatedAt,
        };
        if (label is not null)
        {
            entity[LabelProperty] = label;
        }

        // A collision of 64 random bits is practically impossible; Add (not Upsert) makes it fail loudly anyway.
        await _table.AddEntityAsync(entity, cancellationToken);
        Log.ApiKeyCreated(_logger, keyId, role, organisationId);
        return new CreatedApiKey(key, record);
    }

    /// <summary>The record of a presented key when it exists, matches and is not revoked; otherwise null.</summary>
    public async Task<ApiKeyRecord?> FindValidAsync(string presentedKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presentedKey);
        if (!ApiKey.TryGetKeyId(presentedKey, out var keyId))
        {
            return null;
        }

        var entity = await GetEntityAsync(keyId, cancellationToken);
        if (entity?.GetBinary(HashProperty) is not { } hash || !ApiKey.Matches(presentedKey, hash))
        {
            return null;
        }

        var record = ToRecord(entity);
        return record.IsRevoked ? null : record;
    }

    public async Task<ApiKeyRecord?> GetAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var entity = await GetEntityAsync(keyId, cancellationToken);
        return entity is null ? null : ToRecord(entity);
    }

    /// <summary>Revokes a key; idempotent (revoking twice keeps the first time). False when there is no such key.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var entity = await GetEntityAsync(keyId, cancellationToken);
        if (entity is null)
        {
            return false;
        }

        if (entity.GetDateTimeOffset(RevokedAtProperty) is null)
        {
            var update = new TableEntity(keyId, RowKey) { [RevokedAtProperty] = _timeProvider.GetUtcNow() };
            try
            {
                await _table.UpdateEntityAsync(update, entity.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == StatusCodes.Status412PreconditionFailed)
            {
                // Changed since the read: another revocation won the race, which leaves the key revoked too.
            }

            Log.ApiKeyRevoked(_logger, keyId);
        }

        return true;
    }

    private async Task<TableEntity?> GetEntityAsync(string keyId, CancellationToken cancellationToken)
    {
        if (keyId.Length != ApiKey.KeyIdLength || !keyId.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        await EnsureTableAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(keyId, RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        var created = _tableCreated;
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            created = _table.CreateIfNotExistsAsync(cancellationToken);
            _tableCreated = created;
        }

        return created;
    }

    private static ApiKeyRecord ToRecord(TableEntity entity) => new(
        entity.PartitionKey,
        Enum.Parse<ApiRole>(entity.GetString(RoleProperty) ?? throw MissingProperty(entity, RoleProperty)),
        entity.GetString(OrganisationProperty) ?? string.Empty,
        entity.GetString(LabelProperty),
        entity.GetDateTimeOffset(CreatedAtProperty) ?? throw MissingProperty(entity, CreatedAtProperty),
        entity.GetDateTimeOffset(RevokedAtProperty));

    private static InvalidOperationException MissingProperty(TableEntity entity, string property) =>
        new($"API key {entity.PartitionKey} has no {property}.");
}
