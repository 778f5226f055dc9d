namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>To the organisation's office: the upper level returned its regulation with requested changes.</summary>
public sealed record FilingReturnedNotice(
    string NotificationId,
    MailRecipient To,
    string OrganisationName,
    string UpperLevelName,
    string RegulationTitle,
    string Symbol,
    string Reason,
    DateTimeOffset ReturnedAt,
    Uri? Link = null)
{
    /// <summary>The upper level's committee, whose office signs; null: derived from <see cref="UpperLevelName"/>.</summary>
    public string? UpperLevelCommitteeName { get; init; }
}
