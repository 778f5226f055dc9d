using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>To the secretary and the office: the vote's deadline passed without a decision.</summary>
public sealed record VoteDeadlineNotice(
    string NotificationId,
    MailRecipient To,
    string OrganisationName,
    string RegulationTitle,
    string DraftVersion,
    DateTimeOffset Deadline,
    VoteTally Tally,
    Uri? Link = null)
{
    /// <summary>The organisation's committee (cấp ủy), e.g. "Đảng ủy Sở Tài chính"; null: derived from <see cref="OrganisationName"/>.</summary>
    public string? CommitteeName { get; init; }
}
