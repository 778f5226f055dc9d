using SendGrid.Helpers.Mail;

namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// Turns one <see cref="OutgoingMail"/> into SendGrid's message type for <c>POST /v3/mail/send</c>. The client
/// library checks neither what SendGrid refuses in display names nor the category limits, so both are done here.
/// </summary>
internal static class SendGridMessageFactory
{
    internal const string NotificationIdArgument = "notification_id";
    private const int MaxCategories = 10;
    private const int MaxCategoryLength = 255;

    /// <exception cref="ArgumentException">More than 10 distinct categories, or one empty or longer than 255 characters.</exception>
    public static SendGridMessage Create(OutgoingMail mail, MailRecipient from)
    {
        var categories = mail.Categories.Distinct(StringComparer.Ordinal).ToList();
        if (categories.Count > MaxCategories || categories.Any(c => c.Length is 0 or > MaxCategoryLength))
        {
            throw new ArgumentException(
                $"SendGrid accepts at most {MaxCategories} distinct categories of 1–{MaxCategoryLength} characters.", nameof(mail));
        }

        // SendGrid's serializer writes text/plain before text/html, the order the API requires.
        var message = new SendGridMessage
        {
            From = Address(from),
            Subject = mail.Subject,
            PlainTextContent = mail.Text,
            HtmlContent = mail.Html,
        };
        message.AddTo(Address(mail.To));
        message.AddCustomArg(NotificationIdArgument, mail.NotificationId);
        message.AddGlobalHeader(OutgoingMail.NotificationIdHeader, mail.NotificationId);
        foreach (var (name, value) in mail.Headers)
        {
            message.AddGlobalHeader(name, value);
        }

        foreach (var attachment in mail.Attachments)
        {
            message.AddAttachment(new Attachment
            {
                Content = Convert.ToBase64String(attachment.Content.Span),
                Type = attachment.ContentType,
                Filename = attachment.FileName,
                Disposition = "attachment",
            });
        }

        if (categories.Count > 0)
        {
            message.AddCategories(categories);
        }

        return message;
    }

    private static EmailAddress Address(MailRecipient recipient) =>
        new(recipient.Address, string.IsNullOrWhiteSpace(recipient.Name) ? null : DisplayName(recipient.Name));

    // SendGrid refuses ';' and ',' in display names with a 400.
    private static string DisplayName(string name) => name.Replace(';', ' ').Replace(',', ' ').Trim();
}
