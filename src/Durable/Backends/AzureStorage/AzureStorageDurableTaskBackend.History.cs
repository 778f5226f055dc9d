using System.Globalization;
using System.Text.Json;
using QuyCheWorkflow.Storage;
using QuyCheWorkflow.Storage.Tables;

namespace QuyCheWorkflow.Durable;

/// <summary>The history table: event rows per execution plus the sentinel whose ETag serializes checkpoints.</summary>
internal sealed partial class AzureStorageDurableTaskBackend
{
    private const string SentinelRowKey = "sentinel";

    // One transaction holds at most 100 operations: the sentinel plus 99 event rows.
    private const int MaxEventRows = TableClient.MaxTransactionActions - 1;

    /// <summary>
    /// Loads with point reads only: the sentinel, then its execution's rows by number (they are immutable once
    /// written), side by side. Range queries are avoided because a store may answer them by scanning the table;
    /// a row gone meanwhile means the history was replaced, so the load starts over.
    /// </summary>
    public async Task<OrchestrationHistory> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sentinel = await _history.GetEntityIfExistsAsync(instanceId, SentinelRowKey, cancellationToken: cancellationToken);
            if (sentinel is null)
            {
                return OrchestrationHistory.Empty;
            }

            var executionId = sentinel.GetString("ExecutionId")!;
            var rowCount = sentinel.GetInt32("NextRow") ?? 0;
            var rows = await Task.WhenAll(Enumerable.Range(0, rowCount).Select(n => _history.GetEntityIfExistsAsync(
                instanceId, string.Create(CultureInfo.InvariantCulture, $"{executionId}-{n:D8}"), cancellationToken: cancellationToken)));
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
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, sentinel, new QuyCheWorkflow.Storage.ETag(sentinelETag)));
        IReadOnlyList<QuyCheWorkflow.Storage.ETag> etags;
        try
        {
            etags = await _history.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (StorageRequestFailedException failure) when (IsConflict(failure))
        {
            return null;
        }

        if (commit.ReplacesHistory && commit.ExpectedETag is not null)
        {
            await DeleteHistoryRowsAsync(commit.InstanceId, commit.ExecutionId, cancellationToken);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{nextRow}|{etags[^1]}");
    }

    /// <summary>Deletes event rows of other executions (or all rows, sentinel included, when none is kept).</summary>
    private async Task DeleteHistoryRowsAsync(string instanceId, string? keepExecutionId, CancellationToken cancellationToken)
    {
        var doomed = new List<TableEntity>();
        await foreach (var entity in _history.QueryAsync(TableFilter.Create($"PartitionKey eq {instanceId}"), ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            var keep = keepExecutionId is not null
                && (entity.RowKey == SentinelRowKey || entity.RowKey.StartsWith(keepExecutionId + "-", StringComparison.Ordinal));
            if (!keep)
            {
                doomed.Add(entity);
            }
        }

        foreach (var batch in doomed.Chunk(TableClient.MaxTransactionActions))
        {
            try
            {
                await _history.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, QuyCheWorkflow.Storage.ETag.All)), cancellationToken);
            }
            catch (StorageRequestFailedException failure) when (failure.Status == 404)
            {
                // Another worker (or an earlier attempt) already removed some of these rows; the next purge or
                // generation change deletes the rest, and loads ignore rows of other executions meanwhile.
            }
        }
    }
}
