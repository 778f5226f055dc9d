namespace QuyCheWorkflow.Functions.Status;

/// <summary>The roll-up of one subtree: its root, when it was read, and the organisations that passed the filters, in tree order.</summary>
public sealed record StatusReportResponse(
    string RootOrganisationId,
    DateTimeOffset GeneratedAt,
    int Count,
    IReadOnlyList<OrganisationStatusResponse> Organisations);
