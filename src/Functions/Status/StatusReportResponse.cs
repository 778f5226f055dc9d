namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The roll-up of one subtree: its root, when it was read, how many organisations passed the filters
/// (<c>Count</c>, on every page), the ones of this page in the order asked for (every one when no page was asked
/// for, in tree order by default), the page's number, size and the number of pages (null when unpaged), and the
/// counts per stage and per problem of the whole subtree, whatever the filters.
/// </summary>
public sealed record StatusReportResponse(
    string RootOrganisationId,
    DateTimeOffset GeneratedAt,
    int Count,
    IReadOnlyList<OrganisationStatusResponse> Organisations,
    string RootName = "",
    int? Page = null,
    int? PageSize = null,
    int? PageCount = null,
    StatusCountsResponse? Counts = null);
