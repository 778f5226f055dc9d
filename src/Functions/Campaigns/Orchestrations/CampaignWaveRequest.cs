using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>Plan, or complete, <paramref name="Wave"/> of campaign <paramref name="CampaignId"/>.</summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignWaveRequest(string CampaignId, CampaignWave Wave);
