using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Campaigns.Orchestrations;
using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// Starts and signals the orchestration of each open campaign (<see cref="CampaignOrchestrator"/>, instance
/// "campaign|{campaignId}"). Starting is idempotent: an instance pending or running under the id is left alone. The
/// signal is the lifecycle's <see cref="LifecycleOrchestrations.StateChangedEvent"/>, a wake-up only: the
/// orchestration re-reads the campaign. Thread-safe.
/// </summary>
public sealed class CampaignOrchestrations(DurableTaskClient client, ILogger<CampaignOrchestrations> logger)
{
    public const string CampaignOrchestratorName = "CampaignOrchestrator";

    /// <summary>The campaign orchestration's version for new instances.</summary>
    public const string CampaignVersion = "1";

    public static string InstanceId(string campaignId) => $"campaign|{campaignId}";

    /// <returns>True when a new instance was scheduled; false when one is pending, running or suspended.</returns>
    public async Task<bool> EnsureStartedAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        string instanceId = InstanceId(campaignId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                CampaignOrchestratorName, new CampaignRunInput(campaignId, null),
                new StartOrchestrationOptions { InstanceId = instanceId, Version = new TaskVersion(CampaignVersion) }, cancellationToken);
            Log.OrchestrationStarted(logger, CampaignOrchestratorName, instanceId);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>Tells the campaign's orchestration that the campaign changed (closed early). A missing instance is left alone.</summary>
    public async Task SignalAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        string instanceId = InstanceId(campaignId);
        try
        {
            await client.RaiseEventAsync(instanceId, LifecycleOrchestrations.StateChangedEvent, null, cancellationToken);
        }
        catch (OrchestrationNotFoundException)
        {
            Log.OrchestrationMissing(logger, instanceId);
        }
    }

    /// <summary>The instance's status, or null when it does not exist.</summary>
    public Task<OrchestrationMetadata?> GetAsync(string campaignId, CancellationToken cancellationToken = default) =>
        client.GetInstanceAsync(InstanceId(campaignId), cancellation: cancellationToken);
}
