namespace QuyCheWorkflow.Functions;

/// <summary>Log messages of the app; this part holds the console's accounts and sessions (event ids 6100–6199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Console sign-in link sent to account {AccountId}")]
    public static partial void SignInLinkSent(ILogger logger, string accountId);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Console sign-in link requested for an address with no usable account")]
    public static partial void SignInLinkNotSent(ILogger logger);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Console session started for account {AccountId} by {Method}")]
    public static partial void ConsoleSignedIn(ILogger logger, string accountId, string method);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Console sign-in link refused: {Reason}")]
    public static partial void SignInLinkRefused(ILogger logger, OfficeConsole.Accounts.SignInRefusal reason);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Console session ended for account {AccountId}")]
    public static partial void ConsoleSignedOut(ILogger logger, string accountId);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Information, Message = "Every console session of account {AccountId} ended")]
    public static partial void ConsoleSignedOutEverywhere(ILogger logger, string accountId);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Console sign-in link for account {AccountId} could not be mailed")]
    public static partial void SignInLinkMailFailed(ILogger logger, Exception exception, string accountId);
}
