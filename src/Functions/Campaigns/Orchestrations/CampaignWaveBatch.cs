namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// One batch of a wave: the organisations whose materialized paths lie from <see cref="FirstPath"/> to
/// <see cref="LastPath"/> (inclusive, ordinal: a contiguous range of the status rows, within the campaign office's
/// subtree), <see cref="Planned"/> of which the wave was for when it was planned. A range rather than a list keeps
/// the orchestration's history small however many organisations a batch holds.
/// </summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignWaveBatch(int Number, string FirstPath, string LastPath, int Planned);
