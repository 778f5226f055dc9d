using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// Sends through an SMTP relay (maildev locally) as multipart/alternative text + HTML, UTF-8 throughout,
/// with attachments alongside. One connection per message, because <see cref="SmtpClient"/> is not thread-safe.
/// No retries here: a failure surfaces as <see cref="MailDeliveryFailedException"/> and the caller's retry applies.
/// </summary>
public sealed class SmtpMailTransport : IMailTransport
{
    private readonly SmtpMailOptions _options;

    public SmtpMailTransport(IOptions<MailOptions> options) => _options = options.Value.Smtp;

    public async Task SendAsync(OutgoingMail mail, MailRecipient from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(from);
        using var message = CreateMessage(mail, from);
        using var client = new SmtpClient(_options.Host, _options.Port)
        {
            EnableSsl = _options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)_options.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        }

        try
        {
            await client.SendMailAsync(message, cancellationToken);
        }
        catch (SmtpException exception)
        {
            var status = (int)exception.StatusCode;

            // 4xx replies and connection failures (GeneralFailure, -1) may pass later; 5xx replies will not.
            throw new MailDeliveryFailedException(
                $"The SMTP server did not accept notification {mail.NotificationId} ({exception.StatusCode}).",
                mail.NotificationId, status, [exception.Message], isTransient: status < 500, exception);
        }
    }

    internal static MailMessage CreateMessage(OutgoingMail mail, MailRecipient from)
    {
        var message = new MailMessage
        {
            From = new MailAddress(from.Address, from.Name, Encoding.UTF8),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        try
        {
            message.To.Add(new MailAddress(mail.To.Address, mail.To.Name, Encoding.UTF8));
            message.Headers.Add(OutgoingMail.NotificationIdHeader, mail.NotificationId);
            foreach (var (name, value) in mail.Headers)
            {
                message.Headers.Add(name, value);
            }

            if (mail.Categories.Count > 0)
            {
                message.Headers.Add("X-QuyChe-Categories", string.Join(", ", mail.Categories));
            }

            // Order matters: clients show the last alternative they can render, so HTML goes after text.
            message.AlternateViews.Add(CreateView(mail.Text, MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(CreateView(mail.Html, MediaTypeNames.Text.Html));
            foreach (var attachment in mail.Attachments)
            {
                message.Attachments.Add(CreateAttachment(attachment));
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static AlternateView CreateView(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, new ContentType(mediaType) { CharSet = Encoding.UTF8.WebName });
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }

    private static Attachment CreateAttachment(MailAttachment attachment)
    {
        var contentType = new ContentType(attachment.ContentType) { Name = attachment.FileName };
        var result = new Attachment(new MemoryStream(attachment.Content.ToArray(), writable: false), contentType)
        {
            TransferEncoding = TransferEncoding.Base64,
        };
        result.ContentDisposition!.FileName = attachment.FileName;
        return result;
    }
}
