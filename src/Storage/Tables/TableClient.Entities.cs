using System.Net;
using System.Text.Json;
using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Tables;

public sealed partial class TableClient
{
    private static readonly HttpMethod s_merge = new("MERGE");

    /// <summary>
    /// Inserts a new entity and returns its ETag (also stored in <see cref="TableEntity.ETag"/>). Fails with 409 EntityAlreadyExists if one with the same keys exists.
    /// NOT idempotent: a retry after a lost response would report 409 for the caller's own insert, so it is retried
    /// only when the request provably never reached the service (connection refused). On any other transient failure
    /// the caller decides: read the entity back, or use <see cref="UpsertEntityAsync"/>, which is safe to repeat.
    /// </summary>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckKeys(entity.PartitionKey, entity.RowKey);
        var body = TableEntityJson.Serialize(entity);
        using var response = await _pipeline.SendAsync(
            "Table.InsertEntity",
            RetryMode.NotIdempotent,
            () => NewRequest(HttpMethod.Post, Name, body, returnNoContent: true),
            cancellationToken);
        return entity.ETag = ReadETag(response);
    }

    /// <summary>
    /// Inserts the entity, or replaces or merges into the existing one, and returns the new ETag (also stored in
    /// <see cref="TableEntity.ETag"/>). Idempotent, so retried.
    /// </summary>
    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckKeys(entity.PartitionKey, entity.RowKey);
        var body = TableEntityJson.Serialize(entity);
        var method = mode == TableUpdateMode.Replace ? HttpMethod.Put : s_merge;
        using var response = await _pipeline.SendAsync(
            mode == TableUpdateMode.Replace ? "Table.UpsertReplace" : "Table.UpsertMerge",
            RetryMode.Idempotent,
            () => NewRequest(method, EntityPath(entity.PartitionKey, entity.RowKey), body),
            cancellationToken);
        return entity.ETag = ReadETag(response);
    }

    /// <summary>
    /// Replaces or merges into an existing entity if its ETag is still <paramref name="ifMatch"/>
    /// (<see cref="ETag.All"/> for any version); returns the new ETag (also stored in <see cref="TableEntity.ETag"/>). Fails with 412 UpdateConditionNotSatisfied when
    /// the entity changed, 404 when it is missing. A conditional write is retried on transient failures; a 412 after a
    /// retry can mean the earlier attempt was applied, so compare the stored entity if that matters.
    /// </summary>
    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckKeys(entity.PartitionKey, entity.RowKey);
        var condition = ifMatch.IsEmpty ? ETag.All : ifMatch;
        var body = TableEntityJson.Serialize(entity);
        var method = mode == TableUpdateMode.Replace ? HttpMethod.Put : s_merge;
        using var response = await _pipeline.SendAsync(
            mode == TableUpdateMode.Replace ? "Table.UpdateReplace" : "Table.UpdateMerge",
            RetryMode.Idempotent,
            () => NewRequest(method, EntityPath(entity.PartitionKey, entity.RowKey), body, ifMatch: condition),
            cancellationToken);
        return entity.ETag = ReadETag(response);
    }

    /// <summary>
    /// Deletes an entity if its ETag is still <paramref name="ifMatch"/> (null or empty: any version). Returns false when
    /// it did not exist; fails with 412 when it changed. Idempotent, so retried.
    /// </summary>
    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, ETag? ifMatch = null, CancellationToken cancellationToken = default)
    {
        CheckKeys(partitionKey, rowKey);
        var condition = ifMatch is { IsEmpty: false } tag ? tag : ETag.All;
        using var response = await _pipeline.SendAsync(
            "Table.DeleteEntity",
            RetryMode.Idempotent,
            () => NewRequest(HttpMethod.Delete, EntityPath(partitionKey, rowKey), ifMatch: condition),
            cancellationToken,
            tolerated: HttpStatusCode.NotFound);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>Reads one entity; fails with 404 ResourceNotFound when it is missing. A read, so retried.</summary>
    public async Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        await GetEntityCoreAsync(partitionKey, rowKey, select, tolerateMissing: false, cancellationToken)
        ?? throw new InvalidOperationException("Unreachable: a missing entity throws.");

    /// <summary>Reads one entity, or returns null when it is missing. A read, so retried.</summary>
    public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        GetEntityCoreAsync(partitionKey, rowKey, select, tolerateMissing: true, cancellationToken);

    private async Task<TableEntity?> GetEntityCoreAsync(string partitionKey, string rowKey, IEnumerable<string>? select, bool tolerateMissing, CancellationToken cancellationToken)
    {
        CheckKeys(partitionKey, rowKey);
        var path = EntityPath(partitionKey, rowKey);
        if (select is not null)
        {
            path += "?$select=" + Uri.EscapeDataString(string.Join(',', select));
        }

        using var response = await _pipeline.SendAsync(
            "Table.GetEntity",
            RetryMode.Idempotent,
            () => NewRequest(HttpMethod.Get, path),
            cancellationToken,
            tolerated: tolerateMissing ? HttpStatusCode.NotFound : null);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return TableEntityJson.Read(json.RootElement, ReadETag(response));
    }
}
