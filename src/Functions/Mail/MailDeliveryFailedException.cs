namespace QuyCheWorkflow.Functions.Mail;

/// <summary>
/// A message could not be delivered to the mail service. The caller records it in the audit log with
/// <see cref="NotificationId"/>; <see cref="IsTransient"/> says whether trying again later may succeed
/// (retries were already exhausted) or the message itself was refused.
/// </summary>
public sealed class MailDeliveryFailedException : Exception
{
    public MailDeliveryFailedException()
    {
        NotificationId = "";
        Errors = [];
    }

    public MailDeliveryFailedException(string message)
        : base(message)
    {
        NotificationId = "";
        Errors = [];
    }

    public MailDeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        NotificationId = "";
        Errors = [];
    }

    public MailDeliveryFailedException(
        string message, string notificationId, int? statusCode, IReadOnlyList<string> errors, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        NotificationId = notificationId;
        StatusCode = statusCode;
        Errors = errors;
        IsTransient = isTransient;
    }

    public string NotificationId { get; }

    /// <summary>The HTTP status (or SMTP status code) of the last attempt; null when no answer came.</summary>
    public int? StatusCode { get; }

    /// <summary>The service's own error messages, e.g. SendGrid's <c>errors[].message</c> (with field when given).</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool IsTransient { get; }
}
