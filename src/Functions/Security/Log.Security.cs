namespace QuyCheWorkflow.Functions;

/// <summary>Log messages of the app; this part holds API authentication (event ids 4100–4199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "API key {KeyId} created for role {Role} of organisation {OrganisationId}")]
    public static partial void ApiKeyCreated(ILogger logger, string keyId, Security.ApiRole role, string organisationId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "API key {KeyId} revoked")]
    public static partial void ApiKeyRevoked(ILogger logger, string keyId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information,
        Message = "API request rejected: the presented API key is unknown, revoked or malformed")]
    public static partial void ApiKeyRejected(ILogger logger);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "The bootstrap administrator key was used")]
    public static partial void BootstrapKeyUsed(ILogger logger);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information,
        Message = "Entra ID token rejected: no known role (roles {Roles}) or no organisation claim")]
    public static partial void EntraTokenWithoutMapping(ILogger logger, IReadOnlyList<string> roles);
}
