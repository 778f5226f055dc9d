using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QuyCheWorkflow.Functions.Status;

public static class StatusServiceCollectionExtensions
{
    /// <summary>The status reads. Needs the state stores, the lifecycle's regulation index and the access rules.</summary>
    public static IServiceCollection AddQuyCheWorkflowStatus(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<StatusReports>();
        return services;
    }
}
