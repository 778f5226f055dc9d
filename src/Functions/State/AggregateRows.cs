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
    public async Task<ETag> AddAsync(string partitionKey, string rowKey, T state, Action<TableEntity>? columns, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        var entity = ToEntity(partitionKey, rowKey, state, columns);
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

    public async Task<ETag> UpdateAsync(string partitionKey, string rowKey, T state, ETag ifMatch, Action<TableEntity>? columns, CancellationToken cancellationToken)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag the state was loaded with.", nameof(ifMatch));
        }

        var table = await tables.GetAsync(tableName, cancellationToken);
        var entity = ToEntity(partitionKey, rowKey, state, columns);
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
        return response.HasValue && response.Value is { } entity ? new Loaded<T>(StateJson.Read<T>(entity), entity.ETag) : null;
    }

    public async IAsyncEnumerable<Loaded<T>> ListAsync(string partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken: cancellationToken))
        {
            yield return new Loaded<T>(StateJson.Read<T>(entity), entity.ETag);
        }
    }

    private static TableEntity ToEntity(string partitionKey, string rowKey, T state, Action<TableEntity>? columns)
    {
        TableEntity entity = new(partitionKey, rowKey);
        columns?.Invoke(entity);
        StateJson.Write(entity, state);
        return entity;
    }
}
