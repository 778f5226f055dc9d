using Microsoft.DurableTask.Client;
using QuyCheWorkflow.Functions.Campaigns.Orchestrations;
using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// Starts and signals the orchestration of each open campaign (<see cref="CampaignOrchestrator"/>, instance
/// "campaign|{campaignId}"). Starting is idempotent: an instance pending or running under the id is left alone. The
/// signal is the lifecycle's <see cref="LifecycleOrchestrations.StateChangedEvent"/>, a wake-up only: the
/// orchestration re-reads the campaign. Both go through <see cref="LifecycleOrchestrations"/>. Thread-safe.
/// </summary>
public sealed class CampaignOrchestrations(LifecycleOrchestrations lifecycle)
{
    public const string CampaignOrchestratorName = "CampaignOrchestrator";

    /// <summary>The campaign orchestration's version for new instances.</summary>
    public const string CampaignVersion = "1";

    public static string InstanceId(string campaignId) => $"campaign|{campaignId}";

    /// <returns>True when a new instance was scheduled; false when one is pending, running or suspended.</returns>
    public Task<bool> EnsureStartedAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        return lifecycle.StartAsync(CampaignOrchestratorName, InstanceId(campaignId), new CampaignRunInput(campaignId, null), cancellationToken, CampaignVersion);
    }

    /// <summary>Tells the campaign's orchestration that the campaign changed (closed early). A missing instance is left alone.</summary>
    public Task SignalAsync(string campaignId, CancellationToken cancellationToken = default) =>
        lifecycle.WakeAsync(InstanceId(campaignId), cancellationToken);

    /// <summary>The instance's status, or null when it does not exist.</summary>
    public Task<OrchestrationMetadata?> GetAsync(string campaignId, CancellationToken cancellationToken = default) =>
        lifecycle.GetAsync(InstanceId(campaignId), cancellationToken);
}
