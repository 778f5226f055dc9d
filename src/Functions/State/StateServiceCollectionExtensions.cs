using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QuyCheWorkflow.Functions.State;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the lifecycle state stores. Needs <see cref="Azure.Data.Tables.TableServiceClient"/> and
    /// <see cref="Azure.Storage.Blobs.BlobServiceClient"/> registered by the app; adds <see cref="TimeProvider.System"/>
    /// only if no time provider is registered. Configure names through <see cref="StateOptions"/>.
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowState(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StateOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StateTables>();
        services.TryAddSingleton<OrganisationStore>();
        services.TryAddSingleton<RegulationStore>();
        services.TryAddSingleton<VoteRoundStore>();
        services.TryAddSingleton<ConsultationStore>();
        services.TryAddSingleton<FilingStore>();
        services.TryAddSingleton<ReviewStore>();
        services.TryAddSingleton<DocumentNumberRegistry>();
        services.TryAddSingleton<RequestLog>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<PendingTails>();
        services.TryAddSingleton<DocumentStore>();
        services.TryAddSingleton<ModelRegulationStore>();
        services.TryAddSingleton<Lifecycle.NoticeLedger>();
        services.TryAddSingleton<StatusProjection>();
        return services;
    }
}
