using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>
/// After an overdue wave, to the campaign's own office: the state of the campaign on <see cref="On"/> (a Vietnam
/// calendar day, <see cref="DaysLate"/> after the deadline), the count of members in each state, and the late
/// organisations by name (all of them in <see cref="LateNames"/>; the mail lists the first
/// <see cref="NotificationTemplates.CampaignSummaryNameLimit"/>).
/// </summary>
public sealed record CampaignSummaryNotice(
    string NotificationId,
    MailRecipient To,
    string CampaignTitle,
    DateOnly Deadline,
    DateOnly On,
    int DaysLate,
    IReadOnlyDictionary<CampaignComplianceState, int> Counts,
    IReadOnlyList<string> LateNames,
    int LateNotified);
