namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>Where one organisation stands in a campaign.</summary>
public enum CampaignComplianceState
{
    /// <summary>Nothing the requirement counts has started.</summary>
    NotStarted,

    /// <summary>A regulation is on its way (drafting, consultation, vote, approved) and the deadline has not passed.</summary>
    UnderWay,

    /// <summary>The requirement is met.</summary>
    Done,

    /// <summary>The deadline has passed and the requirement is not met.</summary>
    Late,
}
