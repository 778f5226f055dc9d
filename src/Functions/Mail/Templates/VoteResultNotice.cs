using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>The outcome of a standing-committee vote; <see cref="Reasons"/> are the members' stated reasons.</summary>
public sealed record VoteResultNotice(
    string NotificationId,
    MailRecipient To,
    string OrganisationName,
    string RegulationTitle,
    string DraftVersion,
    bool Passed,
    VoteTally Tally,
    DateTimeOffset DecidedAt,
    IReadOnlyList<string>? Reasons = null,
    Uri? Link = null)
{
    /// <summary>The organisation's committee (cấp ủy), e.g. "Đảng ủy Sở Tài chính"; null: derived from <see cref="OrganisationName"/>.</summary>
    public string? CommitteeName { get; init; }
}
