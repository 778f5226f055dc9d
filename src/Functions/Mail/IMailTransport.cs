namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// Hands one message to a delivery service: <see cref="SmtpMailTransport"/> or <see cref="SendGridMailTransport"/>,
/// chosen by <c>Mail:Transport</c>. Implementations are thread-safe.
/// </summary>
public interface IMailTransport
{
    /// <summary>
    /// Sends <paramref name="mail"/> from <paramref name="from"/>. Delivery is at-least-once: a retry after a
    /// lost acknowledgement can deliver twice, which the notification id header lets receivers recognise.
    /// </summary>
    /// <exception cref="MailDeliveryFailedException">The service refused the message or stayed unavailable.</exception>
    public Task SendAsync(OutgoingMail mail, MailRecipient from, CancellationToken cancellationToken = default);
}
