namespace QuyCheWorkflow.Functions;

internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Information, "Demo data seeded: {OrganisationCount} organisations, a regulation in consultation and one in vote")]
    public static partial void DemoSeeded(ILogger logger, int organisationCount);

    [LoggerMessage(9002, LogLevel.Information, "Demo data already present; nothing seeded")]
    public static partial void DemoAlreadySeeded(ILogger logger);

    [LoggerMessage(9003, LogLevel.Error, "Seeding the demo data failed")]
    public static partial void DemoSeedFailed(ILogger logger, Exception exception);
}
