namespace QuyCheWorkflow.Functions.Office;

/// <summary>Body of <c>POST .../issuance</c>.</summary>
public sealed record IssueRequest(DateOnly? IssueDate, string? SignerName, string? SupersedesRegulationId);
