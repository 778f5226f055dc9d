using System.Globalization;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// Orders status rows by a <see cref="StatusSort"/> column. Rows without a value come last in both directions (an
/// organisation without a regulation has no issue date either way); ties keep tree order, so a page boundary is
/// stable from one request to the next.
/// </summary>
public static class StatusOrder
{
    private static readonly CompareInfo s_vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    public static IReadOnlyList<OrganisationStatus> Apply(IEnumerable<OrganisationStatus> rows, StatusSort sort, bool descending, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byPath = rows.OrderBy(r => r.Path, StringComparer.Ordinal);
        if (sort == StatusSort.Tree)
        {
            return descending ? [.. byPath.Reverse()] : [.. byPath];
        }

        int direction = descending ? -1 : 1;
        int Compare(OrganisationStatus a, OrganisationStatus b)
        {
            int order = sort switch
            {
                StatusSort.Name => s_vietnamese.Compare(a.Name, b.Name, CompareOptions.IgnoreCase),
                StatusSort.Stage => Values((int?)a.Stage, (int?)b.Stage, direction),
                StatusSort.Number => Values(a.RegulationNumber, b.RegulationNumber, direction, StringComparer.Ordinal),
                StatusSort.Issued => Values(a.IssuedOn, b.IssuedOn, direction),
                StatusSort.Filed => Values(a.FiledAt, b.FiledAt, direction),
                StatusSort.Acknowledged => Values(a.AcknowledgedAt, b.AcknowledgedAt, direction),
                StatusSort.LastReview => Values(a.LastReviewDate, b.LastReviewDate, direction),
                StatusSort.NextReview => Values(a.NextReviewDue, b.NextReviewDue, direction),
                StatusSort.Pending => Values(Pending(a), Pending(b), direction),
                StatusSort.Flags => Flags(a, b, now, direction),
                StatusSort.Likeness => Values(a.Likeness?.PreviousTerm.Percent, b.Likeness?.PreviousTerm.Percent, direction),
                StatusSort.Consultation => Values(a.LastConsultation?.ResponseRatePercent, b.LastConsultation?.ResponseRatePercent, direction),
                _ => 0,
            };
            return sort == StatusSort.Name ? order * direction : order;
        }

        List<OrganisationStatus> sorted = [.. byPath];
        // List.Sort is not stable: the path breaks ties.
        sorted.Sort((a, b) => Compare(a, b) is var order and not 0 ? order : string.CompareOrdinal(a.Path, b.Path));
        return sorted;
    }

    private static int? Pending(OrganisationStatus row) => row.PendingIds.Count == 0 ? null : row.PendingIds.Count;

    private static int Flags(OrganisationStatus a, OrganisationStatus b, DateTimeOffset now, int direction)
    {
        static int Count(OrganisationStatus row) => (row.IsMissing ? 1 : 0) + (row.IsOverdue ? 1 : 0) + (row.IsReturned ? 1 : 0);

        int order = Count(a).CompareTo(Count(b)) * direction;
        return order != 0 ? order : Values(a.NextNoticeAfter(now)?.At, b.NextNoticeAfter(now)?.At, direction);
    }

    // A missing value after every present one, whatever the direction.
    private static int Values<T>(T? a, T? b, int direction)
        where T : struct, IComparable<T> =>
        (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } x, { } y) => x.CompareTo(y) * direction,
        };

    private static int Values(string? a, string? b, int direction, StringComparer comparer) =>
        (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => comparer.Compare(a, b) * direction,
        };
}
