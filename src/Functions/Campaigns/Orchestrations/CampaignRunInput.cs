namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// The input of one generation of a campaign's orchestration: the campaign, and the instant of the last wave an
/// earlier generation ran (null at the start): waves up to it are done.
/// </summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignRunInput(string CampaignId, DateTimeOffset? HandledThrough);
