namespace QuyCheWorkflow.Functions.Office;

/// <summary>Body of <c>PATCH /api/organisations/{id}</c>: a null field stays as it is; an empty officeEmail clears it.</summary>
public sealed record UpdateOrganisationRequest(string? Name, string? Code, string? Type, string? OfficeEmail);
