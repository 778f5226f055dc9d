using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>Mail one batch of <paramref name="Wave"/> of campaign <paramref name="CampaignId"/>.</summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignWaveBatchRequest(string CampaignId, CampaignWave Wave, CampaignWaveBatch Batch);
