using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// The hourly safety net for reminders (<c>ReminderSweep</c> timer function). The reconciler makes sure every
/// stage has its orchestration; this makes sure a running one is not asleep past its own wake-up: a lifecycle
/// orchestration (or a campaign's) records the instant it waits for in its custom status (<see cref="LifecycleWaitStatus"/>), and
/// one still waiting more than <see cref="Grace"/> after that instant (its timer message was lost) is woken with
/// <see cref="LifecycleOrchestrations.StateChangedEvent"/>. A wake-up after the instant counts as the instant,
/// so the owed reminder goes out; notices are idempotent, so waking one that was merely slow sends nothing
/// twice.
/// </summary>
public sealed class ReminderSweep(DurableTaskClient client, TimeProvider timeProvider, ILogger<ReminderSweep> logger)
{
    public const string JobName = "ReminderSweep";
    public const string Schedule = "0 0 * * * *";

    /// <summary>How late past its wake-up an orchestration may be before it is woken.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);

    /// <returns>How many orchestrations were woken.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        int woken = 0;
        OrchestrationQuery query = new() { Statuses = [OrchestrationRuntimeStatus.Running], PageSize = 500 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (!IsLifecycle(instance.Name) || instance.SerializedCustomStatus is null)
            {
                continue;
            }

            var wait = instance.ReadCustomStatusAs<LifecycleWaitStatus>();
            if (wait?.WakeAt is { } wakeAt && wakeAt + Grace < now)
            {
                await client.RaiseEventAsync(instance.InstanceId, LifecycleOrchestrations.StateChangedEvent, null, cancellationToken);
                Log.ReminderSweepWoke(logger, instance.InstanceId, wakeAt);
                woken++;
            }
        }

        return woken;
    }

    private static bool IsLifecycle(string name) => name is LifecycleOrchestrations.ConsultationRoundOrchestratorName
        or LifecycleOrchestrations.VoteRoundOrchestratorName
        or LifecycleOrchestrations.FilingOrchestratorName
        or LifecycleOrchestrations.ReviewCycleOrchestratorName
        or Campaigns.CampaignOrchestrations.CampaignOrchestratorName;
}
