using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Hosting;

namespace QuyCheWorkflow.Functions.Lifecycle;

public static class LifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RegulationWorkflow"/>, <see cref="OrganisationWorkflow"/> and what it needs beyond the state stores
    /// (<see cref="QuyCheWorkflow.Functions.State.StateServiceCollectionExtensions.AddQuyCheWorkflowState"/>) and the
    /// durable engine, which the app registers; and the <see cref="LifecycleReconciler"/> and <see cref="ReminderSweep"/>
    /// jobs of the timer functions of the same names; and what the campaigns' orchestrations need (their starter, their
    /// notice ledger, <see cref="Campaigns.CampaignWaveOptions"/> from section <c>Campaigns</c>).
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowLifecycle(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<RegulationIndex>();
        services.TryAddSingleton<ConsultationRecipientStore>();
        services.TryAddSingleton<LifecycleStores>();
        services.TryAddSingleton<LifecycleOrchestrations>();
        services.TryAddSingleton<RegulationWorkflow>();
        services.TryAddSingleton<OrganisationWorkflow>();
        services.TryAddSingleton<ModelRegulationPublisher>();
        services.TryAddSingleton<NoticeLedger>();
        services.TryAddSingleton<LifecycleNotifier>();
        services.TryAddSingleton<Orchestrations.LifecycleFacts>();
        services.TryAddSingleton<LifecycleReconciler>();
        services.TryAddSingleton<ReminderSweep>();
        services.TryAddSingleton<Campaigns.CampaignOrchestrations>();
        services.TryAddSingleton<Campaigns.CampaignNoticeLedger>();
        services.AddOptions<Campaigns.CampaignWaveOptions>().BindConfiguration(Campaigns.CampaignWaveOptions.SectionName);
        services.AddScheduledJob(LifecycleReconciler.JobName, LifecycleReconciler.Schedule,
            (sp, cancellationToken) => sp.GetRequiredService<LifecycleReconciler>().RunAsync(cancellationToken));
        services.AddScheduledJob(ReminderSweep.JobName, ReminderSweep.Schedule,
            (sp, cancellationToken) => sp.GetRequiredService<ReminderSweep>().RunAsync(cancellationToken));
        services.AddOptions<LifecycleOptions>().BindConfiguration(LifecycleOptions.SectionName);
        services.TryAddSingleton(sp => new PublicHolidayCalendar(sp.GetRequiredService<IOptions<LifecycleOptions>>().Value.PublicHolidays));
        return services;
    }
}
