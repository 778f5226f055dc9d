using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Durable;

/// <summary>The history table: event rows per execution plus the sentinel whose ETag serializes checkpoints.</summary>
internal sealed partial class AzureStorageDurableTaskBackend
{
    private const string SentinelRowKey = "sentinel";

    // One transaction holds at most 100 operations: the sentinel plus 99 event rows.
    private const int MaxEventRows = TableTransactions.MaxActions - 1;

    /// <summary>
    /// Loads with point reads only: the sentinel, then its execution's rows by number (they are immutable once
    /// written), side by side. Range queries are avoided because a store may answer them by scanning the table;
    /// a row gone meanwhile means the history was replaced, so the load starts over.
    /// </summary>
    public async Task<OrchestrationHistory> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sentinel = await GetEntityIfExistsAsync(_history, instanceId, SentinelRowKey, null, cancellationToken);
            if (sentinel is null)
            {
                return OrchestrationHistory.Empty;
            }

            var executionId = sentinel.GetString("ExecutionId")!;
            var rowCount = sentinel.GetInt32("NextRow") ?? 0;
            var rows = await Task.WhenAll(Enumerable.Range(0, rowCount).Select(n => GetEntityIfExistsAsync(
                _history, instanceId, string.Create(CultureInfo.InvariantCulture, $"{executionId}-{n:D8}"), null, cancellationToken)));
            if (rows.Any(r => r is null))
            {
                continue;
            }

            var events = new List<HistoryEvent>();
            foreach (var row in rows)
            {
                var json = await GetLargeAsync(row!, "Events", cancellationToken) ?? "[]";
                events.AddRange(JsonSerializer.Deserialize<List<HistoryEvent>>(json, DurableJson.Options)!);
            }

            var token = string.Create(CultureInfo.InvariantCulture, $"{rowCount}|{sentinel.ETag}");
            return new OrchestrationHistory(executionId, events, token, await GetLargeAsync(sentinel, "CustomStatus", cancellationToken))
            {
                Checkpoint = sentinel.GetInt64("Checkpoint") ?? 0,
            };
        }
    }

    public async Task<string?> TryCommitAsync(HistoryCommit commit, CancellationToken cancellationToken)
    {
        // The token handed out by LoadHistoryAsync is "{next row number}|{sentinel ETag}", saving a read here.
        var separator = commit.ExpectedETag?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        var sentinelETag = separator < 0 ? null : commit.ExpectedETag![(separator + 1)..];
        var nextRow = separator < 0 || commit.ReplacesHistory ? 0 : int.Parse(commit.ExpectedETag![..separator], CultureInfo.InvariantCulture);

        var actions = new List<TableTransactionAction>();
        var perRow = (commit.Events.Count + MaxEventRows - 1) / MaxEventRows;
        foreach (var chunk in commit.Events.Chunk(Math.Max(perRow, 1)))
        {
            var row = new TableEntity(commit.InstanceId, string.Create(CultureInfo.InvariantCulture, $"{commit.ExecutionId}-{nextRow++:D8}"));
            await SetLargeAsync(row, "Events", JsonSerializer.Serialize(chunk, DurableJson.Options), commit.InstanceId + "/history", cancellationToken);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
        }

        var sentinel = new TableEntity(commit.InstanceId, SentinelRowKey)
        {
            ["ExecutionId"] = commit.ExecutionId,
            ["NextRow"] = nextRow,
            ["Checkpoint"] = commit.Checkpoint,
        };
        await SetLargeAsync(sentinel, "CustomStatus", commit.CustomStatus ?? string.Empty, commit.InstanceId + "/status", cancellationToken);
        actions.Add(sentinelETag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, sentinel)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, sentinel, new ETag(sentinelETag)));
        IReadOnlyList<Response> responses;
        try
        {
            responses = (await _history.SubmitValidatedTransactionAsync(actions, cancellationToken)).Value;
        }
        catch (Exception failure) when (IsConflict(failure))
        {
            return null;
        }

        if (commit.ReplacesHistory && commit.ExpectedETag is not null)
        {
            await DeleteHistoryRowsAsync(commit.InstanceId, commit.ExecutionId, cancellationToken);
        }

        var sentinelTag = responses[^1].Headers.ETag ?? throw new InvalidOperationException("The history transaction answered without the sentinel's ETag.");
        return string.Create(CultureInfo.InvariantCulture, $"{nextRow}|{sentinelTag}");
    }

    /// <summary>Deletes event rows of other executions (or all rows, sentinel included, when none is kept).</summary>
    private async Task DeleteHistoryRowsAsync(string instanceId, string? keepExecutionId, CancellationToken cancellationToken)
    {
        var doomed = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var entity in _history.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            var keep = keepExecutionId is not null
                && (entity.RowKey == SentinelRowKey || entity.RowKey.StartsWith(keepExecutionId + "-", StringComparison.Ordinal));
            if (!keep)
            {
                doomed.Add(entity);
            }
        }

        foreach (var batch in doomed.Chunk(TableTransactions.MaxActions))
        {
            try
            {
                await _history.SubmitValidatedTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken);
            }
            catch (Exception failure) when (StorageFailure.IsNotFound(failure))
            {
                // Another worker (or an earlier attempt) already removed some of these rows; the next purge or
                // generation change deletes the rest, and loads ignore rows of other executions meanwhile.
            }
        }
    }

    /// <summary>Reads one entity (only <paramref name="select"/>ed properties when given), or null when it is missing.</summary>
    private static async Task<TableEntity?> GetEntityIfExistsAsync(
        TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
