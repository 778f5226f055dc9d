using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Durable;

/// <summary>The instances table: a queryable projection of each instance's history.</summary>
internal sealed partial class AzureStorageDurableTaskBackend
{
    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityIfExistsAsync(_instances, instanceId, string.Empty, null, cancellationToken);
        return entity is null ? null : await ToRecordAsync(entity, withPayloads: true, cancellationToken);
    }

    public async Task WriteInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var response = await _instances.UpsertEntityAsync(await ToEntityAsync(record, cancellationToken), TableUpdateMode.Replace, cancellationToken);
        RememberRow(record.InstanceId, response.Headers.ETag, record.Checkpoint, record.ExecutionId);
    }

    public async Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _instances.AddEntityAsync(await ToEntityAsync(record, cancellationToken), cancellationToken);
            RememberRow(record.InstanceId, response.Headers.ETag, record.Checkpoint, record.ExecutionId);
            return true;
        }
        catch (Exception failure) when (StorageFailure.IsConflict(failure))
        {
            return false;
        }
    }

    public async Task MergeInstanceAsync(InstanceRecord update, CancellationToken cancellationToken)
    {
        var entity = await ToEntityAsync(update, cancellationToken);
        if (update.Checkpoint is not { } checkpoint)
        {
            _knownRows.TryRemove(update.InstanceId, out _);
            await _instances.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
            return;
        }

        // Compare-and-swap on the row's ETag. The row this process wrote last is remembered, so the usual case is a
        // single conditional write; a 412 means someone else wrote since, and the row is read and compared.
        if (_knownRows.TryGetValue(update.InstanceId, out var known) && InstanceRecord.Supersedes(update, known.Checkpoint, known.ExecutionId))
        {
            try
            {
                var response = await _instances.UpdateEntityAsync(entity, known.ETag, TableUpdateMode.Merge, cancellationToken);
                RememberRow(update.InstanceId, response.Headers.ETag, checkpoint, update.ExecutionId ?? known.ExecutionId);
                return;
            }
            catch (Exception failure) when (IsConflict(failure) || StorageFailure.IsNotFound(failure))
            {
                _knownRows.TryRemove(update.InstanceId, out _);
            }
        }

        while (true)
        {
            var stored = await GetEntityIfExistsAsync(_instances, update.InstanceId, string.Empty, ["Checkpoint", "ExecutionId"], cancellationToken);
            try
            {
                if (stored is null)
                {
                    var added = await _instances.AddEntityAsync(entity, cancellationToken);
                    RememberRow(update.InstanceId, added.Headers.ETag, checkpoint, update.ExecutionId);
                }
                else if (InstanceRecord.Supersedes(update, stored.GetInt64("Checkpoint"), stored.GetString("ExecutionId")))
                {
                    var updated = await _instances.UpdateEntityAsync(entity, stored.ETag, TableUpdateMode.Merge, cancellationToken);
                    RememberRow(update.InstanceId, updated.Headers.ETag, checkpoint, update.ExecutionId ?? stored.GetString("ExecutionId"));
                }

                return;
            }
            catch (Exception failure) when (IsConflict(failure))
            {
                // Another worker wrote the row in between: compare again with what it wrote.
            }
        }
    }

    public async Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        var clauses = new List<string>();
        if (query.InstanceIdPrefix is { Length: > 0 } prefix)
        {
            var upper = prefix[..^1] + (char)(prefix[^1] + 1);
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper}"));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            clauses.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"RuntimeStatus eq {s.ToString()}"))) + ")");
        }

        if (query.CreatedFrom is { } from)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedTime ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            clauses.Add(TableClient.CreateQueryFilter($"CreatedTime le {to}"));
        }

        var filter = clauses.Count == 0 ? null : string.Join(" and ", clauses);
        var pageSize = Math.Min(query.PageSize, 1000);
        var pages = _instances.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(query.ContinuationToken, pageSize);
        await foreach (var page in pages)
        {
            var items = new List<OrchestrationMetadata>(page.Values.Count);
            foreach (var entity in page.Values)
            {
                var record = await ToRecordAsync(entity, query.FetchInputsAndOutputs, cancellationToken);
                items.Add(record.ToMetadata(query.FetchInputsAndOutputs));
            }

            return new OrchestrationQueryResult(items, page.ContinuationToken);
        }

        return new OrchestrationQueryResult([], null);
    }

    public async Task PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        _knownRows.TryRemove(instanceId, out _);
        await DeleteHistoryRowsAsync(instanceId, keepExecutionId: null, cancellationToken);
        try
        {
            await _instances.DeleteEntityAsync(instanceId, string.Empty, ETag.All, cancellationToken);
        }
        catch (Exception failure) when (StorageFailure.IsNotFound(failure))
        {
            // Never created, or purged already.
        }
        await DeletePayloadsAsync(instanceId, cancellationToken);
    }

    private async Task<TableEntity> ToEntityAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(record.InstanceId, string.Empty);
        SetIfPresent(entity, "Name", record.Name);
        SetIfPresent(entity, "Version", record.Version);
        SetIfPresent(entity, "ExecutionId", record.ExecutionId);
        SetIfPresent(entity, "RuntimeStatus", record.RuntimeStatus?.ToString());
        SetIfPresent(entity, "FailureDetails", record.Failure is null ? null : JsonSerializer.Serialize(record.Failure, DurableJson.Options));
        if (record.CreatedAt is { } created)
        {
            entity["CreatedTime"] = created;
        }

        if (record.LastUpdatedAt is { } updated)
        {
            entity["LastUpdatedTime"] = updated;
        }

        if (record.VersionNotServed is { } notServed)
        {
            entity["VersionNotServed"] = notServed;
        }

        if (record.Checkpoint is { } checkpoint)
        {
            entity["Checkpoint"] = checkpoint;
        }

        var prefix = record.InstanceId + "/instance";
        await SetLargeAsync(entity, "Input", record.Input, prefix, cancellationToken);
        await SetLargeAsync(entity, "Output", record.Output, prefix, cancellationToken);
        await SetLargeAsync(entity, "CustomStatus", record.CustomStatus, prefix, cancellationToken);
        return entity;
    }

    private async Task<InstanceRecord> ToRecordAsync(TableEntity entity, bool withPayloads, CancellationToken cancellationToken)
    {
        var failure = entity.GetString("FailureDetails");
        return new InstanceRecord(entity.PartitionKey)
        {
            Name = entity.GetString("Name"),
            Version = entity.GetString("Version"),
            ExecutionId = entity.GetString("ExecutionId"),
            RuntimeStatus = Enum.TryParse<OrchestrationRuntimeStatus>(entity.GetString("RuntimeStatus"), out var status) ? status : null,
            Failure = string.IsNullOrEmpty(failure) ? null : JsonSerializer.Deserialize<TaskFailureDetails>(failure, DurableJson.Options),
            CreatedAt = entity.GetDateTimeOffset("CreatedTime"),
            LastUpdatedAt = entity.GetDateTimeOffset("LastUpdatedTime"),
            VersionNotServed = entity.GetBoolean("VersionNotServed"),
            Checkpoint = entity.GetInt64("Checkpoint"),
            Input = withPayloads ? await GetLargeAsync(entity, "Input", cancellationToken) : null,
            Output = withPayloads ? await GetLargeAsync(entity, "Output", cancellationToken) : null,
            CustomStatus = await GetLargeAsync(entity, "CustomStatus", cancellationToken),
        };
    }

    /// <summary>
    /// Remembers the row as this process last wrote it. Bounded: when full it starts over, which only costs reads.
    /// </summary>
    private void RememberRow(string instanceId, ETag? etag, long? checkpoint, string? executionId)
    {
        if (etag is not { } known)
        {
            _knownRows.TryRemove(instanceId, out _);
            return;
        }

        if (_knownRows.Count >= MaxKnownRows)
        {
            _knownRows.Clear();
        }

        _knownRows[instanceId] = new KnownRow(known, checkpoint, executionId);
    }

    private static void SetIfPresent(TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static bool IsConflict(Exception failure) => StorageFailure.IsConflict(failure) || StorageFailure.IsPreconditionFailed(failure);

    /// <summary>An instances row as this process last wrote it.</summary>
    private sealed record KnownRow(ETag ETag, long? Checkpoint, string? ExecutionId);
}
