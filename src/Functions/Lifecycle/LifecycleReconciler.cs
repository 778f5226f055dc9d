using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// Carries out the command tails a stopped process left pending (<see cref="RegulationWorkflow.CompletePendingTailsAsync(CancellationToken)"/>),
/// then compares the tables with the orchestration instances and starts what is missing or stuck, so a lost message,
/// a purge or a deployment cannot leave a regulation without its next step. Run by the <c>Reconciler</c> timer
/// function every 15 minutes. For every regulation of every organisation, what the tables say should be running:
/// <list type="bullet">
/// <item>the current consultation round while the draft is in consultation;</item>
/// <item>the current vote round while the draft is in vote (also when it expired undecided, waiting for an
/// extension or an in-person result);</item>
/// <item>each filing still waiting for the upper level's answer (an answered filing whose hand-over to the
/// regulation was interrupted is applied);</item>
/// <item>the review cycle of the next due review while a text is in force;</item>
/// <item>and, for every open campaign, its orchestration (<see cref="Campaigns.CampaignOrchestrations"/>).</item>
/// </list>
/// An expected instance that does not exist, failed, was terminated, or completed while its subject still needs
/// it is started again under its deterministic id; a running one is left alone. Notices are idempotent, so a
/// restarted cycle does not repeat what was already sent. Idempotent as a whole.
/// </summary>
public sealed class LifecycleReconciler(
    LifecycleStores stores,
    RegulationWorkflow workflow,
    LifecycleOrchestrations orchestrations,
    Campaigns.CampaignStore campaigns,
    Campaigns.CampaignOrchestrations campaignOrchestrations,
    ILogger<LifecycleReconciler> logger)
{
    public const string JobName = "Reconciler";
    public const string Schedule = "0 */15 * * * *";

    /// <returns>How many instances were started.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        // First what a process that died mid-command left undone: audit entries, status rows, wake-ups.
        await workflow.CompletePendingTailsAsync(cancellationToken);
        int started = 0;
        await foreach (var organisation in stores.Organisations.ListAsync(cancellationToken))
        {
            await foreach (var loaded in stores.Regulations.ListByOrganisationAsync(organisation.Value.Id, cancellationToken))
            {
                started += await ReconcileAsync(organisation.Value.Id, loaded.Value, cancellationToken);
            }
        }

        foreach (var campaign in await campaigns.ListAsync(cancellationToken))
        {
            if (campaign.State == Domain.Campaigns.CampaignState.Open)
            {
                started += await RestartAsync(Campaigns.CampaignOrchestrations.InstanceId(campaign.Id),
                    () => campaignOrchestrations.EnsureStartedAsync(campaign.Id, cancellationToken), cancellationToken);
            }
        }

        Log.ReconcilerRan(logger, started);
        return started;
    }

    private async Task<int> ReconcileAsync(string organisationId, RegulationState state, CancellationToken cancellationToken)
    {
        var regulation = Regulation.FromState(state);
        int started = 0;
        if (regulation.ActiveCycle is { } cycle)
        {
            if (cycle.Stage == DraftingStage.InConsultation && cycle.CurrentConsultationRoundId is { } roundId
                && await stores.Consultations.GetRoundAsync(regulation.Id, roundId, cancellationToken) is not null)
            {
                started += await RestartAsync(LifecycleOrchestrations.ConsultationInstanceId(regulation.Id, roundId),
                    () => orchestrations.StartConsultationAsync(organisationId, regulation.Id, roundId, cancellationToken), cancellationToken);
            }

            if (cycle.Stage == DraftingStage.InVote && cycle.CurrentVoteRoundId is { } voteId
                && await stores.Votes.GetAsync(regulation.Id, voteId, cancellationToken) is { } vote)
            {
                if (vote.Value.Status is VoteRoundStatus.Passed or VoteRoundStatus.Failed)
                {
                    await workflow.ApplyVoteDecisionAsync(regulation.Id, voteId, cancellationToken);
                }
                else
                {
                    started += await RestartAsync(LifecycleOrchestrations.VoteInstanceId(regulation.Id, voteId),
                        () => orchestrations.StartVoteAsync(organisationId, regulation.Id, voteId, cancellationToken), cancellationToken);
                }
            }
        }

        foreach (string filingId in regulation.FilingIds)
        {
            var filing = await stores.Filings.GetAsync(regulation.Id, filingId, cancellationToken);
            if (filing?.Value.Status == FilingStatus.Sent)
            {
                started += await RestartAsync(LifecycleOrchestrations.FilingInstanceId(regulation.Id, filingId),
                    () => orchestrations.StartFilingAsync(organisationId, regulation.Id, filingId, cancellationToken), cancellationToken);
            }
            else if (filing is not null && AwaitsAnswer(regulation, filingId))
            {
                await workflow.ApplyFilingResponseAsync(regulation.Id, filingId, cancellationToken);
            }
        }

        if (regulation.HasTextInForce && regulation.NextReviewDue is { } due)
        {
            started += await RestartAsync(LifecycleOrchestrations.ReviewInstanceId(regulation.Id, ReviewIds.For(due)),
                () => orchestrations.EnsureReviewCycleAsync(organisationId, state, cancellationToken), cancellationToken);
        }

        return started;
    }

    /// <summary>True when the regulation still waits for the answer to <paramref name="filingId"/> (an interrupted hand-over).</summary>
    private static bool AwaitsAnswer(Regulation regulation, string filingId) =>
        (regulation.Stage == RegulationStage.Filed && regulation.FilingId == filingId)
        || regulation.ActiveAmendment is { Status: AmendmentStatus.Filed } amendment && amendment.FilingId == filingId;

    /// <summary>Starts the instance unless it is pending, running or suspended.</summary>
    private async Task<int> RestartAsync(string instanceId, Func<Task<bool>> start, CancellationToken cancellationToken)
    {
        if (await orchestrations.GetAsync(instanceId, cancellationToken) is { } existing
            && existing.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)
        {
            return 0;
        }

        if (!await start())
        {
            return 0;
        }

        Log.ReconcilerStarted(logger, instanceId);
        return 1;
    }
}
