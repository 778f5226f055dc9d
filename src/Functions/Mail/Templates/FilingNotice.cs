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
    Uri Link)
{
    /// <summary>The filing organisation's committee, e.g. "Đảng ủy Sở Tài chính"; null: derived from <see cref="OrganisationName"/>.</summary>
    public string? CommitteeName { get; init; }

    /// <summary>The upper level's committee, e.g. "Đảng ủy Khối các cơ quan tỉnh"; null: derived from <see cref="UpperLevelName"/>.</summary>
    public string? UpperLevelCommitteeName { get; init; }
}
