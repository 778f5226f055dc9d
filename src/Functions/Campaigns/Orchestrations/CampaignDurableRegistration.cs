using Microsoft.DurableTask;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>The campaigns' orchestrator and activities, added to the engine's registry with the lifecycle's.</summary>
public static class CampaignDurableRegistration
{
    public static DurableTaskRegistry AddCampaignOrchestrations(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<CampaignOrchestrator>(CampaignOrchestrations.CampaignOrchestratorName)
            .AddActivity<ReadCampaignRunActivity>()
            .AddActivity<PlanCampaignWaveActivity>()
            .AddActivity<SendCampaignWaveBatchActivity>()
            .AddActivity<CompleteCampaignWaveActivity>()
            .AddActivity<CloseEndedCampaignActivity>();
    }
}
