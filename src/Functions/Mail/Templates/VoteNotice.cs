namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>A standing-committee member's request to vote on a draft, or a reminder of it.</summary>
public sealed record VoteNotice(
    string NotificationId,
    MailRecipient To,
    string OrganisationName,
    string RegulationTitle,
    string DraftVersion,
    DateTimeOffset Deadline,
    Uri Link)
{
    /// <summary>The organisation's committee (cấp ủy), e.g. "Đảng ủy Sở Tài chính"; null: derived from <see cref="OrganisationName"/>.</summary>
    public string? CommitteeName { get; init; }
}
