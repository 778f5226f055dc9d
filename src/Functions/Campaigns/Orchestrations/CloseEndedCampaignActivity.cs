using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// Closes a campaign whose end date passed (<see cref="CampaignCloseReason.EndDateReached"/>, by the system), keeping
/// its final report (<see cref="CampaignWorkflow.CloseAsync(Actor, string, CampaignCloseReason, string?, CancellationToken)"/>).
/// </summary>
/// <returns>True when closed now; false when it was closed already (by its office, or by an earlier run).</returns>
public sealed class CloseEndedCampaignActivity(CampaignWorkflow workflow) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string campaignId)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await workflow.CloseAsync(Actors.System, campaignId, CampaignCloseReason.EndDateReached, null, context.CancellationToken);
            return true;
        }
        catch (InvalidTransitionException)
        {
            return false;
        }
    }
}
