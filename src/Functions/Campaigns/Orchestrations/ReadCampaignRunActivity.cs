using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// Reads the campaign for its orchestration (<see cref="CampaignRunView"/>): open or not, the wave owed at the
/// orchestration's now (the latest of <see cref="Campaign.WavesBetween"/> after the waves handled, or after the start),
/// the next wave (<see cref="Campaign.NextWaveAfter"/>) and the end. A campaign that no longer exists reads as closed.
/// </summary>
public sealed class ReadCampaignRunActivity(CampaignStore campaigns, PublicHolidayCalendar calendar)
    : TaskActivity<CampaignRunRequest, CampaignRunView>
{
    public override async Task<CampaignRunView> RunAsync(TaskActivityContext context, CampaignRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if ((await campaigns.GetAsync(request.CampaignId, context.CancellationToken))?.Value is not { State: CampaignState.Open } campaign)
        {
            return new CampaignRunView(false, null, null, null);
        }

        var due = campaign.WavesBetween(request.HandledThrough ?? campaign.StartedAt, request.Now, calendar) is [.., var latest] ? latest : null;
        return new CampaignRunView(true, due, campaign.NextWaveAfter(request.Now, calendar), campaign.EndsAt);
    }
}
