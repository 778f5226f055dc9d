namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>A standing-committee member's request to vote on a draft, or a reminder of it.</summary>
public sealed record VoteNotice(
    string NotificationId,
    MailRecipient To,
    string OrganisationName,
    string RegulationTitle,
    string DraftVersion,
    DateTimeOffset Deadline,
    Uri Link);
