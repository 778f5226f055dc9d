namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>
/// One wave of a campaign's mail: its stable <see cref="Id"/> ("before-30", "overdue-2"; a notice is keyed by
/// campaign, wave id and organisation, so the id must never change for a given wave), its kind, its instant (UTC),
/// and <see cref="DaysBefore"/> (for a reminder) or <see cref="Week"/> (for an overdue notice, from 1).
/// </summary>
public sealed record CampaignWave(string Id, CampaignWaveKind Kind, DateTimeOffset At, int DaysBefore, int Week);
