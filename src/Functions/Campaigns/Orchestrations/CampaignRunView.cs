using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// What a campaign's orchestration needs to know at one instant: whether the campaign is open; the wave owed now
/// (<see cref="Due"/>: the latest wave after the waves handled and at or before now, null when none); the next wave
/// after now; and the instant it closes by itself (null without an end date).
/// </summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignRunView(bool IsOpen, CampaignWave? Due, CampaignWave? Next, DateTimeOffset? EndsAt);
