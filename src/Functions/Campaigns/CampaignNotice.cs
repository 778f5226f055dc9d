namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// One notice of a campaign wave as recorded in the <see cref="CampaignNoticeLedger"/>: the wave, the organisation
/// (id and materialized path; empty for the office summary), the recipient's role (<c>office</c>, <c>secretary</c>,
/// <c>summary</c>), the address and name it went to, its <see cref="Status"/>, the wave's instant, when it was claimed
/// and, once the transport accepted it, when. <see cref="NotificationId"/> is the mail's
/// <c>X-QuyChe-Notification-Id</c>.
/// </summary>
public sealed record CampaignNotice(
    string WaveId,
    string OrganisationId,
    string Path,
    string RecipientKey,
    CampaignNoticeKind Kind,
    string To,
    string? ToName,
    CampaignNoticeStatus Status,
    DateTimeOffset ScheduledFor,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? SentAt,
    string NotificationId);
