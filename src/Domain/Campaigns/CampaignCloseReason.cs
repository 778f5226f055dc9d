namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>Why a campaign was closed.</summary>
public enum CampaignCloseReason
{
    /// <summary>Its end date passed.</summary>
    EndDateReached,

    /// <summary>The campaign's office closed it before its end date.</summary>
    ClosedByOffice,
}
