using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Domain.Campaigns;

public sealed partial record Campaign
{
    private static readonly RegulationStage[] s_issuedStages = [RegulationStage.Issued, RegulationStage.Filed, RegulationStage.InForce];

    private static readonly RegulationStage[] s_underWayStages =
        [RegulationStage.Drafting, RegulationStage.InConsultation, RegulationStage.Resolving, RegulationStage.InVote, RegulationStage.Approved];

    /// <summary>
    /// The compliance of one organisation on <paramref name="today"/> (Vietnam calendar) from <paramref name="facts"/>:
    /// <list type="bullet">
    /// <item><see cref="CampaignRequirementKind.IssueForCurrentTerm"/>: done once its regulation is issued (issued, filed or
    /// in force) on a date within or after the first year of its current term.</item>
    /// <item><see cref="CampaignRequirementKind.ReviseAfterModel"/>: done once a regulation issued strictly after the model's date
    /// was started from the model or is an amendment; when neither fact is known (null), the issue date alone decides.</item>
    /// <item><see cref="CampaignRequirementKind.RecordReview"/>: done once a review dated on or after the campaign's start is recorded.</item>
    /// </list>
    /// Not done: late after the deadline; otherwise under way while a regulation is being drafted, consulted, voted or
    /// approved (not for a review), else not started. Done stays done after the deadline, with its date.
    /// </summary>
    public CampaignCompliance ComplianceOf(CampaignFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (DoneOn(facts) is { } doneOn)
        {
            return new CampaignCompliance(CampaignComplianceState.Done, facts.Stage, doneOn, facts.RegulationNumber);
        }

        if (today > Deadline)
        {
            return new CampaignCompliance(CampaignComplianceState.Late, facts.Stage);
        }

        return Requirement.Kind != CampaignRequirementKind.RecordReview && facts.Stage is { } stage && s_underWayStages.Contains(stage)
            ? new CampaignCompliance(CampaignComplianceState.UnderWay, stage)
            : new CampaignCompliance(CampaignComplianceState.NotStarted, facts.Stage);
    }

    private DateOnly? DoneOn(CampaignFacts facts)
    {
        bool issued = facts.Stage is { } stage && s_issuedStages.Contains(stage) && facts.IssuedOn is not null;
        return Requirement.Kind switch
        {
            CampaignRequirementKind.IssueForCurrentTerm when issued && facts.IssuedOn!.Value.Year >= facts.Term.StartYear => facts.IssuedOn,
            CampaignRequirementKind.ReviseAfterModel when issued
                && facts.IssuedOn > Requirement.ModelIssuedOn
                && (facts.Origin == DraftOrigin.Model || facts.IsAmendment == true || (facts.Origin is null && facts.IsAmendment is null)) => facts.IssuedOn,
            CampaignRequirementKind.RecordReview when facts.LastReviewDate is { } reviewed && reviewed >= StartedOn => reviewed,
            _ => null,
        };
    }
}
