using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// The shared mechanics of one aggregate per row: state as chunked JSON (<see cref="StateJson"/>) next to a few
/// plain columns for filters and reading by eye, inserted once, then replaced only with the ETag it was read with.
/// </summary>
internal sealed class AggregateRows<T>(StateTables tables, string tableName)
{
    public Task<ETag> AddAsync(string partitionKey, string rowKey, T state, Action<TableEntity>? columns, CancellationToken cancellationToken) =>
        AddAsync(partitionKey, rowKey, state, columns, null, cancellationToken);

    /// <summary>Inserts the row; <paramref name="tail"/>, when given, is stored with it in the same write.</summary>
    public async Task<ETag> AddAsync(string partitionKey, string rowKey, T state, Action<TableEntity>? columns, string? tail, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        var entity = ToEntity(partitionKey, rowKey, state, columns, tail);
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag.GetValueOrDefault();
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            throw new ConcurrencyConflictException($"{typeof(T).Name} {partitionKey}/{rowKey} already exists.", exception);
        }
    }

    public Task<ETag> UpdateAsync(string partitionKey, string rowKey, T state, ETag ifMatch, Action<TableEntity>? columns, CancellationToken cancellationToken) =>
        UpdateAsync(partitionKey, rowKey, state, ifMatch, columns, null, cancellationToken);

    /// <summary>
    /// Replaces the row read with <paramref name="ifMatch"/>; <paramref name="tail"/>, when given, is stored with it
    /// in the same write, and a tail stored before is replaced (the caller carried it out first).
    /// </summary>
    public async Task<ETag> UpdateAsync(string partitionKey, string rowKey, T state, ETag ifMatch, Action<TableEntity>? columns, string? tail, CancellationToken cancellationToken)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag the state was loaded with.", nameof(ifMatch));
        }

        var table = await tables.GetAsync(tableName, cancellationToken);
        var entity = ToEntity(partitionKey, rowKey, state, columns, tail);
        try
        {
            var response = await table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag.GetValueOrDefault();
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            throw new ConcurrencyConflictException($"{typeof(T).Name} {partitionKey}/{rowKey} changed or disappeared since it was loaded.", exception);
        }
    }

    public async Task<Loaded<T>?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? Load(entity) : null;
    }

    public async IAsyncEnumerable<Loaded<T>> ListAsync(string partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken: cancellationToken))
        {
            yield return Load(entity);
        }
    }

    /// <summary>The rows of one partition whose row key starts with <paramref name="rowKeyPrefix"/>: one range query.</summary>
    public async IAsyncEnumerable<Loaded<T>> ListWithPrefixAsync(string partitionKey, string rowKeyPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        string upper = rowKeyPrefix[..^1] + (char)(rowKeyPrefix[^1] + 1);
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {rowKeyPrefix} and RowKey lt {upper}"), cancellationToken: cancellationToken))
        {
            yield return Load(entity);
        }
    }

    private Loaded<T> Load(TableEntity entity) => new(StateJson.Read<T>(entity), entity.ETag)
    {
        Tail = PendingTails.Read(tableName, entity),
    };

    private static TableEntity ToEntity(string partitionKey, string rowKey, T state, Action<TableEntity>? columns, string? tail)
    {
        TableEntity entity = new(partitionKey, rowKey);
        columns?.Invoke(entity);
        StateJson.Write(entity, state);
        if (tail is not null)
        {
            PendingTails.Write(entity, tail);
        }

        return entity;
    }
}
