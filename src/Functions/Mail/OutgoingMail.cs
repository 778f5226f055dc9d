namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// One message to one recipient, with an HTML and a plain-text body. <see cref="NotificationId"/> is stable
/// for one notification (the same on every retry or replay), travels as the
/// <c>X-QuyChe-Notification-Id</c> header (and SendGrid custom argument) and lets receivers and the audit
/// log recognise duplicates.
/// </summary>
public sealed record OutgoingMail
{
    public const string NotificationIdHeader = "X-QuyChe-Notification-Id";

    public required string NotificationId { get; init; }

    public required MailRecipient To { get; init; }

    public required string Subject { get; init; }

    public required string Html { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>The sender's display name for this message (the office it is from), or null for the configured one.</summary>
    public string? FromName { get; init; }

    /// <summary>Extra headers; the notification id header is added by the transport.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Tags for the provider's statistics (SendGrid categories: at most 10).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}
