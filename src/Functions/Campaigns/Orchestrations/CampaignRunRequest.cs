namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>What <see cref="ReadCampaignRunActivity"/> is asked: the campaign, the waves handled through, and the orchestration's now.</summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignRunRequest(string CampaignId, DateTimeOffset? HandledThrough, DateTimeOffset Now);
