using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>The rows of a members file that belong to one organisation, as its new standing committee.</summary>
internal sealed record CommitteeGroup(string OrganisationId, IReadOnlyList<int> Lines, StandingCommittee Committee);
