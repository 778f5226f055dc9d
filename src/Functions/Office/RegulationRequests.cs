namespace QuyCheWorkflow.Functions.Office;

/// <summary>Body of <c>POST /api/organisations/{organisationId}/regulations</c>.</summary>
public sealed record CreateRegulationRequest(string? RegulationId, string? Title);
