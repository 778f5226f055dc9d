namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>The two kinds of a campaign's mail waves.</summary>
public enum CampaignWaveKind
{
    /// <summary>Before the deadline, to every organisation not done.</summary>
    Reminder,

    /// <summary>After the deadline, weekly, to the late organisations, with a summary to the campaign's office.</summary>
    Overdue,
}
