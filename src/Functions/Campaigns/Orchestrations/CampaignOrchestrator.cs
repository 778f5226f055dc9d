using Microsoft.DurableTask;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// One campaign's mail waves, from its start to its closing (instance <c>campaign|{campaignId}</c>, started by
/// <see cref="CampaignWorkflow.StartAsync"/>, ensured for every open campaign by the reconciler, woken by the reminder
/// sweep when its timer was lost). Each generation reads the campaign; ends when it is closed; closes it at its end
/// (<see cref="Campaign.EndsAt"/>, through <see cref="CloseEndedCampaignActivity"/>, which keeps the final report);
/// otherwise waits (<see cref="LifecycleWaits.UntilOrChangedAsync"/>) for the next wave or the end, whichever comes
/// first, or for the campaign to change (closed early by its office).
/// <para>
/// A wave (<see cref="Campaign.WavesBetween"/>) owed when the generation starts or wakes — its instant passed since
/// the last wave handled — is run; when several were missed (the engine was down, or the reconciler started the
/// campaign again), only the latest, under its own wave id, so a notice an earlier instance sent is not sent again
/// (the review cycle's rule). A wave: <see cref="PlanCampaignWaveActivity"/> picks the members it is for and cuts them
/// into batches of path ranges; at most <see cref="CampaignWavePlan.MaxConcurrentBatches"/> batches of
/// <see cref="SendCampaignWaveBatchActivity"/> run at once; <see cref="CompleteCampaignWaveActivity"/> then sends the
/// office summary (overdue waves), appends the audit entry and records the counts. After each wave the orchestration
/// continues as new, so its history holds one wave at most however long the campaign.
/// </para>
/// </summary>
public sealed class CampaignOrchestrator : TaskOrchestrator<CampaignRunInput, bool>
{
    /// <summary>A step of a wave that fails (storage or mail unavailable) is tried again after 1, 2, 4 and 8 minutes.</summary>
    private static readonly TaskOptions s_retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromMinutes(1), 2));

    public override async Task<bool> RunAsync(TaskOrchestrationContext context, CampaignRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        while (true)
        {
            var now = LifecycleWaits.Now(context);
            var view = await context.CallActivityAsync<CampaignRunView>(
                nameof(ReadCampaignRunActivity), new CampaignRunRequest(input.CampaignId, input.HandledThrough, now));
            if (!view.IsOpen)
            {
                return true;
            }

            if (view.EndsAt is { } endsAt && endsAt <= now)
            {
                await context.CallActivityAsync<bool>(nameof(CloseEndedCampaignActivity), input.CampaignId);
                return true;
            }

            if (view.Due is { } wave)
            {
                await RunWaveAsync(context, input.CampaignId, wave);
                context.ContinueAsNew(input with { HandledThrough = wave.At });
                return true;
            }

            var wakeAt = Earliest(view.Next?.At, view.EndsAt);
            string step = view.Next is { } next && next.At == wakeAt ? "campaign wave " + next.Id : wakeAt is null ? "campaign change" : "campaign end";
            await LifecycleWaits.UntilOrChangedAsync(context, wakeAt, step);
        }
    }

    private static async Task RunWaveAsync(TaskOrchestrationContext context, string campaignId, CampaignWave wave)
    {
        // Due now: a reader (the tests' clock, the reminder sweep) sees the wave is under way, not parked.
        context.SetCustomStatus(new LifecycleWaitStatus("campaign wave " + wave.Id + " sending", wave.At));
        var plan = await context.CallActivityAsync<CampaignWavePlan>(nameof(PlanCampaignWaveActivity), new CampaignWaveRequest(campaignId, wave), s_retry);
        int limit = Math.Max(1, plan.MaxConcurrentBatches);
        List<Task<CampaignWaveBatchResult>> running = [];
        int next = 0;
        while (next < plan.Batches.Count || running.Count > 0)
        {
            while (running.Count < limit && next < plan.Batches.Count)
            {
                running.Add(context.CallActivityAsync<CampaignWaveBatchResult>(
                    nameof(SendCampaignWaveBatchActivity), new CampaignWaveBatchRequest(campaignId, wave, plan.Batches[next++]), s_retry));
            }

            var done = await Task.WhenAny(running);
            running.Remove(done);
            await done;
        }

        await context.CallActivityAsync<CampaignWaveOutcome>(
            nameof(CompleteCampaignWaveActivity), new CampaignWaveCompletion(campaignId, wave, plan.Members, plan.Planned), s_retry);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
