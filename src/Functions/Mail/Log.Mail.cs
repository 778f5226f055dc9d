using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Functions;

/// <summary>Log messages of the app; this part holds mail (event ids 3000–3099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information,
        Message = "Mail for notification {NotificationId} handed to {Transport}")]
    public static partial void MailSent(ILogger logger, string notificationId, string transport);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "SendGrid attempt {Attempt} for notification {NotificationId} failed (status {StatusCode}, exception {ExceptionType}); retrying in {RetryDelay}")]
    public static partial void SendGridRetrying(
        ILogger logger, string notificationId, int attempt, int? statusCode, string? exceptionType, TimeSpan retryDelay);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error,
        Message = "Mail for notification {NotificationId} not delivered by {Transport}: status {StatusCode}, transient {IsTransient}, errors {Errors}")]
    public static partial void MailDeliveryFailed(
        ILogger logger, string notificationId, string transport, int? statusCode, bool isTransient, string errors);
}
