using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QuyCheWorkflow.Functions.Lifecycle;

public static class LifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RegulationWorkflow"/> and what it needs beyond the state stores
    /// (<see cref="QuyCheWorkflow.Functions.State.StateServiceCollectionExtensions.AddQuyCheWorkflowState"/>) and the
    /// durable engine, which the app registers.
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowLifecycle(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<RegulationIndex>();
        services.TryAddSingleton<ConsultationRecipientStore>();
        services.TryAddSingleton<LifecycleStores>();
        services.TryAddSingleton<LifecycleOrchestrations>();
        services.TryAddSingleton<RegulationWorkflow>();
        return services;
    }
}
