using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// One wave of a campaign as the <see cref="CampaignNoticeLedger"/> keeps it, for the campaign page: its id, kind and
/// instant; when it was planned and, once finished, when it completed; how many members the campaign had and how many
/// of them the wave was for when it was planned; and, as of its completion (zero before), the notices sent, the
/// notices whose hand-over is uncertain (<see cref="CampaignNoticeStatus.Uncertain"/>), and the planned organisations
/// that got nothing (done by the time their batch ran, or without any address).
/// </summary>
public sealed record CampaignWaveRecord(
    string WaveId,
    CampaignWaveKind Kind,
    DateTimeOffset At,
    DateTimeOffset PlannedAt,
    DateTimeOffset? CompletedAt,
    int Members,
    int Planned,
    int Sent,
    int Uncertain,
    int Skipped);
