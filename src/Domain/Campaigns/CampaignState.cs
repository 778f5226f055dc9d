namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>Whether a campaign still follows and reminds its organisations.</summary>
public enum CampaignState
{
    /// <summary>Following compliance and sending reminders.</summary>
    Open,

    /// <summary>Ended: no more reminders; the final roll-up is kept.</summary>
    Closed,
}
