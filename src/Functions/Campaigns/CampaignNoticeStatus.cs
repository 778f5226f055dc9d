namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>Where one notice of a campaign wave stands in the <see cref="CampaignNoticeLedger"/>.</summary>
public enum CampaignNoticeStatus
{
    /// <summary>Claimed: about to be handed to the mail transport, or being handed now.</summary>
    Pending,

    /// <summary>The mail transport accepted it.</summary>
    Sent,

    /// <summary>
    /// Found still pending by a later run: the run that claimed it stopped between the claim and the transport's
    /// answer, so it was possibly handed over. Never sent again.
    /// </summary>
    Uncertain,
}
