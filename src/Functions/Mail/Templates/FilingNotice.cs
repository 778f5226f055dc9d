namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>To the upper-level office: an issued regulation filed for acknowledgement (or a reminder of it).</summary>
public sealed record FilingNotice(
    string NotificationId,
    MailRecipient To,
    string UpperLevelName,
    string OrganisationName,
    string RegulationTitle,
    string Symbol,
    DateTimeOffset IssuedAt,
    DateTimeOffset FiledAt,
    Uri Link);
