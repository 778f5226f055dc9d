namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>
/// A reminder of a periodic review meeting, <see cref="DaysBefore"/> days ahead (0 on the day), with a
/// calendar invitation. <see cref="ReviewId"/> makes the invitation's UID, so every reminder of one review
/// updates the same calendar entry; raise <see cref="Sequence"/> when the meeting moves.
/// <see cref="CreatedAt"/> is the invitation's DTSTAMP.
/// </summary>
public sealed record ReviewReminderNotice(
    string NotificationId,
    MailRecipient To,
    string OrganisationName,
    string RegulationTitle,
    string Symbol,
    string ReviewId,
    int DaysBefore,
    DateTimeOffset MeetingStart,
    DateTimeOffset MeetingEnd,
    MailRecipient Organizer,
    DateTimeOffset CreatedAt,
    string? Location = null,
    int Sequence = 0,
    Uri? Link = null)
{
    /// <summary>The organisation's committee (cấp ủy), e.g. "Đảng ủy Sở Tài chính"; null: derived from <see cref="OrganisationName"/>.</summary>
    public string? CommitteeName { get; init; }
}
