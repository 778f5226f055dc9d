namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>A consulted party's invitation to comment on a draft, or a reminder of it.</summary>
public sealed record ConsultationNotice(
    string NotificationId,
    MailRecipient To,
    string OrganisationName,
    string RegulationTitle,
    string DraftVersion,
    DateTimeOffset Deadline,
    Uri Link);
