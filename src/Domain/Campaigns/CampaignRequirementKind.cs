namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>What a campaign requires of each organisation it covers.</summary>
public enum CampaignRequirementKind
{
    /// <summary>Issue a regulation for the organisation's current term.</summary>
    IssueForCurrentTerm,

    /// <summary>
    /// Revise the regulation after a new model regulation: a regulation issued after the model's date that was started
    /// from the model or is an amendment.
    /// </summary>
    ReviseAfterModel,

    /// <summary>Hold and record a periodic review of the regulation in force.</summary>
    RecordReview,
}
