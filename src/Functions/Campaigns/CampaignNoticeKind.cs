namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>The mails of a campaign's waves.</summary>
public enum CampaignNoticeKind
{
    /// <summary>Before the deadline, to the office and the secretary of an organisation not done.</summary>
    Reminder,

    /// <summary>After the deadline, weekly, to the office and the secretary of a late organisation.</summary>
    Overdue,

    /// <summary>After an overdue wave, to the campaign's own office: counts by state and the late organisations.</summary>
    OfficeSummary,
}
