using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Status;

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
        // The status rows are written with every change, so the projection and what it reads come with the stores:
        // the notice ledger, and the plan of the notices still to come, which needs the holidays (bound from
        // configuration by the lifecycle's registration, which registers the same calendar; none without it).
        services.TryAddSingleton<Lifecycle.NoticeLedger>();
        services.TryAddSingleton<Lifecycle.ConsultationRecipientStore>();
        services.AddOptions<Lifecycle.LifecycleOptions>();
        services.TryAddSingleton(sp => new PublicHolidayCalendar(sp.GetRequiredService<IOptions<Lifecycle.LifecycleOptions>>().Value.PublicHolidays));
        services.TryAddSingleton<Lifecycle.NoticeOutlook>();
        services.TryAddSingleton<StatusProjection>();
        services.TryAddSingleton<Quality.RegulationQuality>();
        services.TryAddSingleton<Campaigns.CampaignStore>();
        services.TryAddSingleton<Campaigns.CampaignRollUps>();
        services.TryAddSingleton<Campaigns.CampaignWorkflow>();
        return services;
    }
}
