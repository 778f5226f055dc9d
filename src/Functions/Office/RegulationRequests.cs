namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Body of <c>POST /api/organisations/{organisationId}/regulations</c>. <c>StartFrom</c>: absent for an empty
/// regulation, <c>"model"</c> for the model regulation of the organisation's type, <c>"previousTerm"</c> for the
/// text issued for its previous term; either becomes draft version 1.
/// </summary>
public sealed record CreateRegulationRequest(string? RegulationId, string? Title, string? StartFrom = null);
