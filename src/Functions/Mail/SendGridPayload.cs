using System.Text.Json;

namespace QuyCheWorkflow.Functions.Mail;

/// <summary>The JSON body of SendGrid's <c>POST /v3/mail/send</c> for one <see cref="OutgoingMail"/>.</summary>
internal static class SendGridPayload
{
    internal const string NotificationIdArgument = "notification_id";
    private const int MaxCategories = 10;
    private const int MaxCategoryLength = 255;

    public static byte[] Serialize(OutgoingMail mail, MailRecipient from)
    {
        var categories = mail.Categories.Distinct(StringComparer.Ordinal).ToList();
        if (categories.Count > MaxCategories || categories.Any(c => c.Length is 0 or > MaxCategoryLength))
        {
            throw new ArgumentException($"SendGrid accepts at most {MaxCategories} distinct categories of 1–{MaxCategoryLength} characters.", nameof(mail));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();

            json.WriteStartArray("personalizations");
            json.WriteStartObject();
            json.WriteStartArray("to");
            WriteAddress(json, mail.To);
            json.WriteEndArray();
            json.WriteStartObject("custom_args");
            json.WriteString(NotificationIdArgument, mail.NotificationId);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();

            json.WritePropertyName("from");
            WriteAddress(json, from);
            json.WriteString("subject", mail.Subject);

            // SendGrid requires text/plain first, then text/html.
            json.WriteStartArray("content");
            WriteContent(json, "text/plain", mail.Text);
            WriteContent(json, "text/html", mail.Html);
            json.WriteEndArray();

            if (mail.Attachments.Count > 0)
            {
                json.WriteStartArray("attachments");
                foreach (var attachment in mail.Attachments)
                {
                    json.WriteStartObject();
                    json.WriteBase64String("content", attachment.Content.Span);
                    json.WriteString("type", attachment.ContentType);
                    json.WriteString("filename", attachment.FileName);
                    json.WriteString("disposition", "attachment");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("headers");
            json.WriteString(OutgoingMail.NotificationIdHeader, mail.NotificationId);
            foreach (var (name, value) in mail.Headers)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();

            if (categories.Count > 0)
            {
                json.WriteStartArray("categories");
                foreach (var category in categories)
                {
                    json.WriteStringValue(category);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteAddress(Utf8JsonWriter json, MailRecipient address)
    {
        json.WriteStartObject();
        json.WriteString("email", address.Address);
        if (!string.IsNullOrWhiteSpace(address.Name))
        {
            // SendGrid rejects ';' and ',' in recipient names.
            json.WriteString("name", address.Name.Replace(';', ' ').Replace(',', ' ').Trim());
        }

        json.WriteEndObject();
    }

    private static void WriteContent(Utf8JsonWriter json, string type, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
