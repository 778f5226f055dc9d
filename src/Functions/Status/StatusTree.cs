using Azure;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// One tree's status rows as <see cref="StatusProjection.ReadTreeAsync"/> keeps them: every row in path order
/// (ordinal), each with the ETag it was read or written with. Immutable: a write makes a new tree.
/// </summary>
public sealed class StatusTree
{
    private readonly Entry[] _entries;

    internal StatusTree(IEnumerable<Entry> entries, long readAt)
        : this([.. entries.OrderBy(e => e.Row.Path, StringComparer.Ordinal)], readAt)
    {
    }

    private StatusTree(Entry[] sorted, long readAt)
    {
        _entries = sorted;
        ReadAt = readAt;
        Rows = Array.ConvertAll(_entries, e => e.Row);
    }

    /// <summary>Every row, in path order.</summary>
    public IReadOnlyList<OrganisationStatus> Rows { get; }

    /// <summary>When the rows were read from the table (<see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    internal long ReadAt { get; }

    /// <summary>
    /// The rows of the subtree whose root has <paramref name="path"/>: that row and every row whose path starts
    /// with <c>path + "|"</c>, in path order.
    /// </summary>
    public IReadOnlyList<OrganisationStatus> Subtree(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        int start = Lower(path);
        string prefix = path + "|";
        List<OrganisationStatus> rows = [];
        for (int i = start; i < _entries.Length; i++)
        {
            string rowPath = _entries[i].Row.Path;
            if (rowPath == path || rowPath.StartsWith(prefix, StringComparison.Ordinal))
            {
                rows.Add(_entries[i].Row);
            }
            else if (string.CompareOrdinal(rowPath, path + "}") >= 0)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>
    /// This tree with <paramref name="entry"/> in place of its row, or null when the tree did not hold the row as
    /// <paramref name="replaced"/> says (another ETag, or a row where an insert was made).
    /// </summary>
    internal StatusTree? With(Entry entry, ETag? replaced)
    {
        int index = Lower(entry.Row.Path);
        bool present = index < _entries.Length && _entries[index].Row.Path == entry.Row.Path;
        if (present ? replaced is not { } etag || _entries[index].ETag != etag : replaced is not null)
        {
            return null;
        }

        List<Entry> entries = [.. _entries];
        if (present)
        {
            entries[index] = entry;
        }
        else
        {
            entries.Insert(index, entry);
        }

        return new StatusTree([.. entries], ReadAt);
    }

    private int Lower(string path)
    {
        int low = 0;
        int high = _entries.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_entries[middle].Row.Path, path) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>A row and the ETag it has in the table.</summary>
    internal sealed record Entry(OrganisationStatus Row, ETag ETag);
}
