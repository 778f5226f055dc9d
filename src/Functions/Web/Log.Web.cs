namespace QuyCheWorkflow.Functions;

/// <summary>Log messages of the app; this part holds the web surface's error handling (event ids 5700–5799).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5700, Level = LogLevel.Information,
        Message = "Request {Method} {Path} refused with {StatusCode}: {Reason}")]
    public static partial void ClientErrorRefused(ILogger logger, string method, string path, int statusCode, string reason);
}
