using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>
/// One organisation's compliance with a campaign: its <see cref="State"/>, the regulation's stage when there is one,
/// and for <see cref="CampaignComplianceState.Done"/> the day it was done (issue date or review date) and the
/// regulation's number.
/// </summary>
public sealed record CampaignCompliance(CampaignComplianceState State, RegulationStage? Stage = null, DateOnly? DoneOn = null, string? Number = null)
{
    /// <summary>Whether the organisation still gets the campaign's reminders: every state but <see cref="CampaignComplianceState.Done"/>.</summary>
    public bool IsReminded => State != CampaignComplianceState.Done;
}
