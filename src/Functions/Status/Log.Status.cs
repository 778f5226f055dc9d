namespace QuyCheWorkflow.Functions;

/// <summary>Log messages of the app; this part holds the status view and dashboard (event ids 5600–5699).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5600, Level = LogLevel.Information,
        Message = "Dashboard sign-in with API key {KeyId} of organisation {OrganisationId}")]
    public static partial void DashboardSignedIn(ILogger logger, string keyId, string organisationId);

    [LoggerMessage(EventId = 5601, Level = LogLevel.Information,
        Message = "Dashboard sign-in rejected: the key is unknown, revoked, malformed or not an office key")]
    public static partial void DashboardSignInRejected(ILogger logger);
}
