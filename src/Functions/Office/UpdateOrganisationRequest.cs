namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Body of <c>PATCH /api/organisations/{id}</c>: a null field stays as it is; an empty officeEmail clears it; an empty
/// committeeName makes the committee's name follow the organisation's name again; qualityThresholds
/// (<see cref="QualityThresholdsRequest"/>) sets what this organisation counts as copying and formal consultation below it.
/// </summary>
public sealed record UpdateOrganisationRequest(string? Name, string? Code, string? Type, string? OfficeEmail, string? CommitteeName = null,
    QualityThresholdsRequest? QualityThresholds = null);
