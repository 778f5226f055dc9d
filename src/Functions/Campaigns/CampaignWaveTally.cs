namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// What the ledger holds for one wave (the office summary not counted): notices sent, notices uncertain (pending or
/// <see cref="CampaignNoticeStatus.Uncertain"/>), and the organisations reached (with at least one notice sent or
/// uncertain).
/// </summary>
public sealed record CampaignWaveTally(int Sent, int Uncertain, int Organisations);
