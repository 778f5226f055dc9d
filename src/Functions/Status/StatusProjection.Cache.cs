using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.Status;

public sealed partial class StatusProjection
{
    /// <summary>How long a tree read from the table serves readers before it is read again.</summary>
    /// <remarks>
    /// This process's own writes reach the kept tree at once (<see cref="Remember"/>); another instance's writes
    /// are seen once the tree is read again: a reader finding it older than this gets it as it is while it is read
    /// again in the background, so no page waits for the read unless the tree is older than
    /// <see cref="TreeStaleLimit"/> (nobody looked for that long) or was never read.
    /// </remarks>
    public static readonly TimeSpan TreeMaxAge = TimeSpan.FromSeconds(10);

    /// <summary>How old a kept tree may be and still be served while it is read again.</summary>
    public static readonly TimeSpan TreeStaleLimit = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, StatusTree> _trees = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _treeWrites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<StatusTree>> _treeReads = new(StringComparer.Ordinal);
    private readonly Lock _treeLock = new();

    /// <summary>
    /// Every row of the tree whose root is <paramref name="rootId"/>, in path order, as last read from the table
    /// (one partition query at 1,000 rows a request, one at a time per tree however many readers wait for it) and
    /// kept: younger than <see cref="TreeMaxAge"/> it is returned as it is; up to <see cref="TreeStaleLimit"/> it is
    /// returned as it is and read again in the background; older, or never read, the caller waits for the read. This
    /// process's own refreshes update the kept rows as they write them, so a reader here never sees a row older than
    /// the last refresh made here. Thread-safe; the returned tree is never changed (a write replaces it).
    /// Cancelling stops the caller's wait, not a read others may be waiting for.
    /// </summary>
    public async Task<StatusTree> ReadTreeAsync(string rootId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootId);
        if (_trees.TryGetValue(rootId, out var kept))
        {
            var age = Stopwatch.GetElapsedTime(kept.ReadAt);
            if (age < TreeMaxAge)
            {
                return kept;
            }

            if (age < TreeStaleLimit)
            {
                _ = ReadAgain(rootId);
                return kept;
            }
        }

        return await ReadAgain(rootId).WaitAsync(cancellationToken);
    }

    // The read of the tree under way, or a new one: never two at once for one tree.
    private Task<StatusTree> ReadAgain(string rootId)
    {
        lock (_treeLock)
        {
            if (!_treeReads.TryGetValue(rootId, out var reading))
            {
                reading = Task.Run(() => ReadTreeFromTableAsync(rootId));
                _treeReads[rootId] = reading;
                // A read that fails is not kept; its waiters get the failure, and a background one is observed here.
                _ = reading.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            return reading;
        }
    }

    private async Task<StatusTree> ReadTreeFromTableAsync(string rootId)
    {
        try
        {
            var table = await tables.GetAsync(TableName);
            long started = Stopwatch.GetTimestamp();
            // A write made while the query runs may be missing from its answer: what it read is kept only when no
            // write was made here in between.
            long writes;
            lock (_treeLock)
            {
                writes = _treeWrites.GetValueOrDefault(rootId);
            }

            List<StatusTree.Entry> rows = [];
            string filter = TableClient.CreateQueryFilter($"PartitionKey eq {rootId}");
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000).AsPages())
            {
                rows.AddRange(page.Values.Select(e => new StatusTree.Entry(FromEntity(e), e.ETag)));
            }

            var read = new StatusTree(rows, started);
            lock (_treeLock)
            {
                if (_treeWrites.GetValueOrDefault(rootId) == writes)
                {
                    _trees[rootId] = read;
                }
            }

            return read;
        }
        finally
        {
            lock (_treeLock)
            {
                _treeReads.Remove(rootId);
            }
        }
    }

    /// <summary>
    /// Drops every kept tree, so the next <see cref="ReadTreeAsync"/> reads the table: for a row written other than by
    /// <see cref="RefreshAsync"/> in this process, or to measure a read that finds nothing kept.
    /// </summary>
    public void ForgetTrees() => _trees.Clear();

    // The kept tree takes the written row only when it held the row exactly as this write replaced it (the same
    // ETag, or no row for an insert): writes of one row are chained by their ETags, so a write that finishes here
    // after a later one cannot put the older row back. Anything else drops the tree.
    private void Remember(OrganisationStatus status, ETag? replaced, ETag? written)
    {
        string rootId = status.Path.Split('|')[0];
        lock (_treeLock)
        {
            _treeWrites[rootId] = _treeWrites.GetValueOrDefault(rootId) + 1;
            if (!_trees.TryGetValue(rootId, out var kept))
            {
                return;
            }

            if (written is { } etag && kept.With(new StatusTree.Entry(status, etag), replaced) is { } patched)
            {
                _trees[rootId] = patched;
            }
            else
            {
                _trees.TryRemove(rootId, out _);
            }
        }
    }
}
