using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>
/// A campaign's reminder (<see cref="CampaignWaveKind.Reminder"/>, <see cref="Days"/> = days left, 0 on the deadline)
/// or overdue notice (<see cref="CampaignWaveKind.Overdue"/>, <see cref="Days"/> = days late) to one organisation's
/// office or secretary. <see cref="Standing"/> says where the organisation stands now ("Đang thực hiện (Đang lấy ý
/// kiến góp ý)"); <see cref="CampaignCommitteeName"/> is the committee running the campaign ("Đảng ủy Khối …") and
/// <see cref="CampaignOfficeName"/> its office, which signs the mail and is its sender's name.
/// </summary>
public sealed record CampaignMemberNotice(
    string NotificationId,
    MailRecipient To,
    CampaignWaveKind Kind,
    string CampaignTitle,
    CampaignRequirementKind Requirement,
    DateOnly Deadline,
    int Days,
    string OrganisationName,
    string Standing,
    string CampaignCommitteeName,
    string CampaignOfficeName,
    DirectingDocument? DirectingDocument = null,
    DateOnly? ModelIssuedOn = null);
