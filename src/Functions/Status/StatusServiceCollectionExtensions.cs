using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QuyCheWorkflow.Functions.Status;

public static class StatusServiceCollectionExtensions
{
    /// <summary>
    /// The status reads and the dashboard's sign-in. Needs the state stores, the lifecycle's regulation index,
    /// the authentication services and data protection (registered with antiforgery by the web layer).
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowStatus(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataProtection();
        services.TryAddSingleton<StatusReports>();
        services.TryAddSingleton<DashboardSession>();
        return services;
    }
}
