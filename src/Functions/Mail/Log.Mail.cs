using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Functions;

/// <summary>Log messages of the app; this part holds mail (event ids 3000–3099).</summary>
internal static partial class Log
{
    private static readonly Func<ILogger, string, IDisposable?> s_notificationScope =
        LoggerMessage.DefineScope<string>("Notification {NotificationId}");

    /// <summary>A scope naming the notification, so the HTTP pipeline's lines say which mail they are about.</summary>
    public static IDisposable? NotificationScope(ILogger logger, string notificationId) => s_notificationScope(logger, notificationId);

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information,
        Message = "Mail for notification {NotificationId} handed to {Transport}")]
    public static partial void MailSent(ILogger logger, string notificationId, string transport);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "SendGrid attempt {Attempt} failed (status {StatusCode}, exception {ExceptionType}); retrying in {RetryDelay}")]
    public static partial void SendGridRetrying(
        ILogger logger, int attempt, int? statusCode, string? exceptionType, TimeSpan retryDelay);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error,
        Message = "Mail for notification {NotificationId} not delivered by {Transport}: status {StatusCode}, transient {IsTransient}, errors {Errors}")]
    public static partial void MailDeliveryFailed(
        ILogger logger, string notificationId, string transport, int? statusCode, bool isTransient, string errors);
}
