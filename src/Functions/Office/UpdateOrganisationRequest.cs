namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Body of <c>PATCH /api/organisations/{id}</c>: a null field stays as it is; an empty officeEmail clears it; an empty
/// committeeName makes the committee's name follow the organisation's name again.
/// </summary>
public sealed record UpdateOrganisationRequest(string? Name, string? Code, string? Type, string? OfficeEmail, string? CommitteeName = null);
