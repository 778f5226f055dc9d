using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace QuyCheWorkflow.Functions.OfficeConsole.Comparison;

/// <summary>
/// An inline word diff of two texts (DiffPlex, word by word, case and spacing counted): the runs that stayed, were
/// deleted from the reference and inserted in the draft, in reading order, a deletion before the insertion that
/// replaces it. Joining the runs that are not inserted gives the reference; those not deleted, the draft. Pure.
/// </summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffSegment> Between(string reference, string draft)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(draft);
        var result = Differ.Instance.CreateDiffs(reference, draft, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        List<DiffSegment> segments = [];
        var next = 0;
        foreach (var block in result.DiffBlocks.OrderBy(b => b.DeleteStartA))
        {
            Add(segments, DiffSegmentKind.Same, result.PiecesOld, next, block.DeleteStartA - next);
            Add(segments, DiffSegmentKind.Deleted, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Add(segments, DiffSegmentKind.Inserted, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            next = block.DeleteStartA + block.DeleteCountA;
        }

        Add(segments, DiffSegmentKind.Same, result.PiecesOld, next, result.PiecesOld.Count - next);
        return segments;
    }

    private static void Add(List<DiffSegment> segments, DiffSegmentKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        StringBuilder text = new();
        for (var i = start; i < start + count; i++)
        {
            text.Append(pieces[i]);
        }

        if (segments is [.., var last] && last.Kind == kind)
        {
            segments[^1] = last with { Text = last.Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text.ToString()));
        }
    }
}
