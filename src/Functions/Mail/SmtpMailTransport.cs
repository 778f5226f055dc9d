using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// Sends through an SMTP relay (maildev locally) with MailKit: multipart/alternative text + HTML inside
/// multipart/mixed when there are attachments, UTF-8 throughout, non-ASCII subjects and names encoded as
/// RFC 2047 words. One connection per message: notifications go out a few at a time, relays drop idle
/// connections, and MailKit's client is not thread-safe, so a pool would buy little and have to detect dead
/// connections. No retries here: a failure surfaces as <see cref="MailDeliveryFailedException"/> and the
/// caller's retry applies. Thread-safe.
/// </summary>
public sealed class SmtpMailTransport : IMailTransport
{
    internal const string CategoriesHeader = "X-QuyChe-Categories";

    private const int SmtpsPort = 465;

    // RFC 5322 allows 998 characters a line; this leaves room for the longest field name we write.
    private const int MaxRawHeaderValueLength = 900;

    private readonly SmtpMailOptions _options;

    public SmtpMailTransport(IOptions<MailOptions> options) => _options = options.Value.Smtp;

    public async Task SendAsync(OutgoingMail mail, MailRecipient from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(from);
        using var message = CreateMessage(mail, from);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        var security = !_options.EnableSsl ? SecureSocketOptions.None
            : _options.Port == SmtpsPort ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException exception)
        {
            var status = (int)exception.StatusCode;

            // 4xx replies may pass later; 5xx replies will not.
            throw Failure(mail, $"The SMTP server refused notification {mail.NotificationId} ({status}).", status, exception, status < 500);
        }
        catch (AuthenticationException exception)
        {
            throw Failure(mail, $"The SMTP server refused the credentials for notification {mail.NotificationId}.", null, exception, isTransient: false);
        }
        catch (SslHandshakeException exception)
        {
            throw Failure(mail, $"TLS with the SMTP server failed for notification {mail.NotificationId}.", null, exception, isTransient: false);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException or SmtpProtocolException)
        {
            throw Failure(mail, $"The SMTP server could not be reached for notification {mail.NotificationId}.", null, exception, isTransient: true);
        }
    }

    internal static MimeMessage CreateMessage(OutgoingMail mail, MailRecipient from)
    {
        var message = new MimeMessage();
        try
        {
            message.From.Add(new MailboxAddress(from.Name, from.Address));
            message.To.Add(new MailboxAddress(mail.To.Name, mail.To.Address));
            message.Subject = mail.Subject;
            message.Headers.Add(CustomHeader(OutgoingMail.NotificationIdHeader, mail.NotificationId));
            foreach (var (name, value) in mail.Headers)
            {
                message.Headers.Add(CustomHeader(name, value));
            }

            if (mail.Categories.Count > 0)
            {
                message.Headers.Add(CustomHeader(CategoriesHeader, string.Join(", ", mail.Categories)));
            }

            // Order matters: clients show the last alternative they can render, so HTML goes after text.
            var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
            foreach (var attachment in mail.Attachments)
            {
                body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
            }

            message.Body = body.ToMessageBody();
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A header whose value arrives exactly as given when it is plain ASCII: MimeKit would otherwise fold a long
    /// value by turning it into an encoded word, and receivers match the notification id header as it is.
    /// Other values are encoded as UTF-8 words.
    /// </summary>
    private static Header CustomHeader(string field, string value)
    {
        var header = new Header(Encoding.UTF8, field, value);
        if (value.Length <= MaxRawHeaderValueLength && value.All(c => c is >= ' ' and <= '~'))
        {
            header.SetRawValue(Encoding.ASCII.GetBytes(" " + value + "\r\n"));
        }

        return header;
    }

    private static MailDeliveryFailedException Failure(OutgoingMail mail, string message, int? status, Exception exception, bool isTransient) =>
        new(message, mail.NotificationId, status, [exception.Message], isTransient, exception);
}
