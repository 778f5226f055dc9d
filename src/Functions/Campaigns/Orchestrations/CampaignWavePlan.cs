namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// A wave's plan: the campaign's members then, how many the wave is for, their batches in path order, and how many
/// batches may run at once (read from <see cref="CampaignWaveOptions"/> when planned, so a replay runs the same).
/// </summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignWavePlan(int Members, int Planned, IReadOnlyList<CampaignWaveBatch> Batches, int MaxConcurrentBatches);
