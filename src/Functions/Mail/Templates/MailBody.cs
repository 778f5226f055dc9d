using System.Text;

namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>
/// Writes one message's HTML and plain-text bodies side by side, so both always say the same thing.
/// Every value passes through <see cref="Encode"/> on the HTML side; nothing is interpolated raw.
/// The HTML is a single column of inline-styled blocks, readable on a phone and by screen readers.
/// </summary>
internal sealed class MailBody
{
    private const string FontStyle = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;";

    private readonly string _subject;
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();
    private string? _sender;

    public MailBody(string subject, string heading)
    {
        _subject = subject;
        _html.Append("<h1 style=\"margin:0 0 16px;font-size:20px;line-height:1.3;color:#8b0000;\">").Append(Encode(heading)).Append("</h1>\n");
        _text.Append(heading).Append('\n').Append(new string('=', Math.Min(heading.Length, 72))).Append("\n\n");
    }

    public MailBody Paragraph(string text)
    {
        _html.Append("<p style=\"margin:0 0 16px;\">").Append(Encode(text)).Append("</p>\n");
        _text.Append(text).Append("\n\n");
        return this;
    }

    /// <summary>Label / value rows, as a table with row headers so screen readers pair them.</summary>
    public MailBody Facts(params (string Label, string Value)[] facts)
    {
        _html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px;width:100%;\">\n");
        foreach (var (label, value) in facts)
        {
            _html.Append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:4px 12px 4px 0;font-weight:bold;white-space:nowrap;\">")
                .Append(Encode(label)).Append("</th><td style=\"padding:4px 0;\">").Append(Encode(value)).Append("</td></tr>\n");
            _text.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
        }

        _html.Append("</table>\n");
        _text.Append('\n');
        return this;
    }

    public MailBody List(IEnumerable<string> items)
    {
        _html.Append("<ul style=\"margin:0 0 16px;padding-left:20px;\">\n");
        foreach (var item in items)
        {
            _html.Append("<li>").Append(Encode(item)).Append("</li>\n");
            _text.Append("- ").Append(item).Append('\n');
        }

        _html.Append("</ul>\n");
        _text.Append('\n');
        return this;
    }

    /// <summary>A button, with the address repeated as text for clients that hide buttons.</summary>
    public MailBody Action(string label, Uri link)
    {
        var href = Encode(RequireWebLink(link));
        _html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(href)
            .Append("\" style=\"display:inline-block;padding:12px 24px;background:#b71c1c;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;\">")
            .Append(Encode(label)).Append("</a></p>\n")
            .Append("<p style=\"margin:0 0 16px;font-size:14px;color:#4a4a4a;\">Nếu không mở được nút trên, đồng chí sao chép đường liên kết sau vào trình duyệt:<br>")
            .Append("<a href=\"").Append(href).Append("\" style=\"color:#0b57d0;word-break:break-all;\">").Append(href).Append("</a></p>\n");
        _text.Append(label).Append(":\n").Append(RequireWebLink(link)).Append("\n\n");
        return this;
    }

    public MailBody Note(string text)
    {
        _html.Append("<p style=\"margin:0 0 16px;font-size:14px;color:#4a4a4a;\">").Append(Encode(text)).Append("</p>\n");
        _text.Append(text).Append("\n\n");
        return this;
    }

    /// <summary>
    /// The office the message is from, e.g. "Văn phòng Đảng ủy Sở Tài chính": it signs under "Trân trọng." and is the
    /// sender's display name. Without it the message ends with "Trân trọng." and goes out under the configured name.
    /// </summary>
    public MailBody SignedBy(string office)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(office);
        _sender = office.Trim();
        return this;
    }

    public OutgoingMail ToMail(
        string notificationId, MailRecipient to, string category, IReadOnlyList<MailAttachment>? attachments = null)
    {
        const string Closing = "Trân trọng.";
        const string Footer = "Thư này được gửi tự động từ Hệ thống quản lý quy chế làm việc; đề nghị không trả lời thư này.";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(_subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f3f3f3;\">\n")
            .Append("<div role=\"article\" aria-roledescription=\"email\" lang=\"vi\" style=\"max-width:600px;margin:0 auto;padding:24px 16px;background:#ffffff;")
            .Append(FontStyle).Append("\">\n")
            .Append(_html)
            .Append("<p style=\"margin:0 0 16px;\">").Append(Closing)
            .Append(_sender is null ? "" : "<br>\n<strong>" + Encode(_sender) + "</strong>").Append("</p>\n")
            .Append("<hr style=\"border:none;border-top:1px solid #dddddd;margin:24px 0 12px;\">\n")
            .Append("<p style=\"margin:0;font-size:12px;color:#5f5f5f;\">").Append(Encode(Footer)).Append("</p>\n")
            .Append("</div>\n</body>\n</html>\n")
            .ToString();
        _text.Append(Closing).Append('\n');
        if (_sender is not null)
        {
            _text.Append(_sender).Append('\n');
        }

        var text = _text.Append("\n--\n").Append(Footer).Append('\n').ToString();
        return new OutgoingMail
        {
            NotificationId = notificationId,
            To = to,
            Subject = _subject,
            Html = html,
            Text = text,
            Attachments = attachments ?? [],
            Categories = ["quycheworkflow", category],
            FromName = _sender,
        };
    }

    /// <summary>HTML-encodes text for element content and double-quoted attributes; leaves diacritics as they are.</summary>
    internal static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(char.IsControl(c) && c is not '\n' and not '\t' ? ' ' : c); break;
            }
        }

        return builder.ToString();
    }

    private static string RequireWebLink(Uri link) =>
        link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)
            ? link.AbsoluteUri
            : throw new ArgumentException("A link in a message must be an absolute http(s) URL.", nameof(link));
}
