namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>The body of <c>POST /api/campaigns/{id}/close</c>: an optional note for the final report.</summary>
public sealed record CloseCampaignRequest(string? Note);
