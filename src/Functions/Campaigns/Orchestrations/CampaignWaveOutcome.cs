namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>A completed wave as recorded: its ledger counts and the planned organisations that got nothing.</summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignWaveOutcome(string WaveId, int Planned, int Sent, int Uncertain, int Skipped);
