using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>Complete <paramref name="Wave"/> of campaign <paramref name="CampaignId"/>, planned for <paramref name="Planned"/> of <paramref name="Members"/> members.</summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignWaveCompletion(string CampaignId, CampaignWave Wave, int Members, int Planned);
