namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>A periodic review is past due, told to the organisation or to its upper level.</summary>
public sealed record OverdueReviewNotice(
    string NotificationId,
    MailRecipient To,
    OverdueReviewAudience Audience,
    string OrganisationName,
    string UpperLevelName,
    string RegulationTitle,
    string Symbol,
    DateTimeOffset DueAt,
    int DaysOverdue,
    Uri? Link = null);
