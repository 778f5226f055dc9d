using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// The one way the app sends e-mail: checks the message, stamps the configured sender (under the message's own
/// display name, the office it is from, when it has one) and hands it to the
/// transport chosen by <c>Mail:Transport</c>. Thread-safe.
/// </summary>
public sealed class MailSender
{
    private readonly IMailTransport _transport;
    private readonly ILogger<MailSender> _logger;
    private readonly MailRecipient _from;
    private readonly string _transportName;

    public MailSender(IMailTransport transport, IOptions<MailOptions> options, ILogger<MailSender> logger)
    {
        _transport = transport;
        _logger = logger;
        _from = new MailRecipient(options.Value.FromAddress, options.Value.FromName);
        _transportName = transport.GetType().Name;
    }

    /// <summary>
    /// Sends <paramref name="mail"/>. At-least-once: a repeated call with the same notification id may
    /// deliver again (receivers can de-duplicate on the <c>X-QuyChe-Notification-Id</c> header).
    /// </summary>
    /// <exception cref="ArgumentException">The message is incomplete or its address is not an e-mail address.</exception>
    /// <exception cref="MailDeliveryFailedException">
    /// The transport gave up; record it in the audit log with its notification id, status and errors.
    /// </exception>
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.NotificationId, nameof(mail));
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Subject, nameof(mail));
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Text, nameof(mail));
        ArgumentException.ThrowIfNullOrWhiteSpace(mail.Html, nameof(mail));
        if (!MailAddress.TryCreate(mail.To.Address, out _))
        {
            throw new ArgumentException($"Notification {mail.NotificationId} has no valid recipient address.", nameof(mail));
        }

        try
        {
            var from = string.IsNullOrWhiteSpace(mail.FromName) || mail.FromName.AsSpan().IndexOfAny(['\r', '\n']) >= 0
                ? _from
                : _from with { Name = mail.FromName };
            await _transport.SendAsync(mail, from, cancellationToken);
        }
        catch (MailDeliveryFailedException exception)
        {
            Log.MailDeliveryFailed(
                _logger, mail.NotificationId, _transportName, exception.StatusCode, exception.IsTransient, string.Join(" | ", exception.Errors));
            throw;
        }

        Log.MailSent(_logger, mail.NotificationId, _transportName);
    }
}
