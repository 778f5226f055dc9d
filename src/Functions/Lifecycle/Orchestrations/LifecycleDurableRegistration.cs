using Microsoft.DurableTask;
using QuyCheWorkflow.Functions.Campaigns.Orchestrations;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>The lifecycle's orchestrators and activities, with the campaigns' built on them, added to the engine's registry by the app.</summary>
public static class LifecycleDurableRegistration
{
    public static DurableTaskRegistry AddLifecycleOrchestrations(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<ConsultationRoundOrchestrator>(LifecycleOrchestrations.ConsultationRoundOrchestratorName)
            .AddOrchestrator<VoteRoundOrchestrator>(LifecycleOrchestrations.VoteRoundOrchestratorName)
            .AddOrchestrator<FilingOrchestrator>(LifecycleOrchestrations.FilingOrchestratorName)
            .AddOrchestrator<ReviewCycleOrchestrator>(LifecycleOrchestrations.ReviewCycleOrchestratorName)
            .AddActivity<ReadConsultationRoundActivity>()
            .AddActivity<CloseConsultationRoundActivity>()
            .AddActivity<SendConsultationNoticesActivity>()
            .AddActivity<ReadVoteRoundActivity>()
            .AddActivity<ExpireVoteRoundActivity>()
            .AddActivity<SendVoteNoticesActivity>()
            .AddActivity<ReadFilingActivity>()
            .AddActivity<SendFilingNoticesActivity>()
            .AddActivity<ReadReviewCycleActivity>()
            .AddActivity<SendReviewNoticesActivity>()
            .AddCampaignOrchestrations();
    }
}
