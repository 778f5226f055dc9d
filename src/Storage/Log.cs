using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Storage;

/// <summary>Every log line of the storage clients. None carries a key, signature, token or query string.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Storage operation {Operation} is retried (attempt {Attempt}) after status {Status} {ExceptionType}; waiting {Delay}")]
    public static partial void RetryingRequest(ILogger logger, string operation, int attempt, int status, string? exceptionType, TimeSpan delay);

    [LoggerMessage(2, LogLevel.Debug, "Storage operation {Operation} failed with status {Status} {ErrorCode} (request {RequestId})")]
    public static partial void RequestFailed(ILogger logger, string operation, int status, string? errorCode, string? requestId);

    [LoggerMessage(3, LogLevel.Debug, "Storage access token refreshed; it expires at {ExpiresOn}")]
    public static partial void TokenRefreshed(ILogger logger, DateTimeOffset expiresOn);
}
