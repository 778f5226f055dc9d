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
    /// are seen within this time. A dashboard refreshes every 15 s, so a row is never older there than a refresh
    /// and a half.
    /// </remarks>
    public static readonly TimeSpan TreeMaxAge = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, StatusTree> _trees = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _treeWrites = new(StringComparer.Ordinal);
    private readonly Lock _treeLock = new();

    /// <summary>
    /// Every row of the tree whose root is <paramref name="rootId"/>, in path order, as last read from the table
    /// (one partition query at 1,000 rows a request) and kept for <see cref="TreeMaxAge"/>; this process's own
    /// refreshes update the kept rows as they write them, so a reader here never sees a row older than the last
    /// refresh made here. Thread-safe; the returned tree is never changed (a write replaces it).
    /// </summary>
    public async Task<StatusTree> ReadTreeAsync(string rootId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootId);
        if (_trees.TryGetValue(rootId, out var kept) && Stopwatch.GetElapsedTime(kept.ReadAt) < TreeMaxAge)
        {
            return kept;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        long started = Stopwatch.GetTimestamp();
        // A write made while the query runs may be missing from its answer: what it read is kept only when no
        // write was made here in between.
        long writes = _treeWrites.GetValueOrDefault(rootId);
        List<StatusTree.Entry> rows = [];
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {rootId}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).AsPages())
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

    /// <summary>Drops every kept tree, so the next read goes to the table (for a row changed behind the projection's back).</summary>
    internal void ForgetTrees() => _trees.Clear();

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
