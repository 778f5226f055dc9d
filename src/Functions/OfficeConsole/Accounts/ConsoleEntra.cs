namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>Signing in to the console with a Microsoft (Entra ID) account, when the app is configured for it.</summary>
public static class ConsoleEntra
{
    /// <summary>True when <c>Auth:Entra:Authority</c> and <c>Auth:Entra:ClientId</c> are set.</summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var entra = configuration.GetSection("Auth:Entra");
        return !string.IsNullOrEmpty(entra["Authority"]) && !string.IsNullOrEmpty(entra["ClientId"]);
    }

    public static bool IsEnabled(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return IsEnabled(services.GetRequiredService<IConfiguration>());
    }
}
