using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// Plans a wave: reads the campaign office's subtree of status rows afresh once (<see cref="CampaignRollUps.ComputeAtAsync"/>:
/// membership is the subtree now, so an organisation created during the campaign is in), picks the members the wave is
/// for (<see cref="IsFor"/>), and cuts them, in path order, into batches of at most
/// <see cref="CampaignWaveOptions.WaveBatchSize"/> described by their first and last path. Records the wave in the
/// ledger (<see cref="CampaignNoticeLedger.PlanWaveAsync"/>). A closed or missing campaign gets an empty plan.
/// </summary>
public sealed class PlanCampaignWaveActivity(
    CampaignStore campaigns,
    OrganisationStore organisations,
    CampaignRollUps rollUps,
    CampaignNoticeLedger ledger,
    IOptions<CampaignWaveOptions> options)
    : TaskActivity<CampaignWaveRequest, CampaignWavePlan>
{
    public override async Task<CampaignWavePlan> RunAsync(TaskActivityContext context, CampaignWaveRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = context.CancellationToken;
        int size = Math.Clamp(options.Value.WaveBatchSize, 1, 1000);
        int concurrency = Math.Clamp(options.Value.WaveConcurrency, 1, 64);
        if ((await campaigns.GetAsync(request.CampaignId, cancellationToken))?.Value is not { State: CampaignState.Open } campaign
            || await organisations.GetPathAsync(campaign.OfficeOrganisationId, cancellationToken) is not { } officePath)
        {
            return new CampaignWavePlan(0, 0, [], concurrency);
        }

        var rollUp = await rollUps.ComputeAtAsync(campaign, officePath, cancellationToken);
        var paths = rollUp.Members.Where(m => IsFor(request.Wave.Kind, m.Compliance)).Select(m => m.Path).Order(StringComparer.Ordinal).ToList();
        List<CampaignWaveBatch> batches = [];
        for (int start = 0; start < paths.Count; start += size)
        {
            int count = Math.Min(size, paths.Count - start);
            batches.Add(new CampaignWaveBatch(batches.Count + 1, paths[start], paths[start + count - 1], count));
        }

        await ledger.PlanWaveAsync(campaign.Id, request.Wave, rollUp.Members.Count, paths.Count, cancellationToken);
        return new CampaignWavePlan(rollUp.Members.Count, paths.Count, batches, concurrency);
    }

    /// <summary>
    /// Whether a member in <paramref name="compliance"/> gets the mail of a wave of <paramref name="kind"/>: a reminder
    /// every member not done, an overdue notice the late ones.
    /// </summary>
    public static bool IsFor(CampaignWaveKind kind, CampaignCompliance compliance)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        return kind == CampaignWaveKind.Reminder ? compliance.IsReminded : compliance.State == CampaignComplianceState.Late;
    }
}
