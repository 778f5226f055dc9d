using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// A campaign as the API returns it; with its roll-up (<see cref="Counts"/> of every state, and <see cref="Members"/>,
/// the late first, filtered to one state when asked) when read one at a time, without it in a list.
/// <see cref="FinalReport"/> is the address of the final report once closed. With the roll-up, <see cref="CopiedCount"/>
/// and <see cref="FormalConsultationCount"/> count the members flagged copied from the previous term and consulted for
/// form (over every member, whatever state is asked for).
/// </summary>
public sealed record CampaignResponse(
    string Id,
    string OfficeOrganisationId,
    string Title,
    string Requirement,
    string RequirementLabel,
    DateOnly? ModelIssuedOn,
    IReadOnlyList<string> OrganisationTypes,
    DateOnly Deadline,
    DateOnly? EndsOn,
    string? DocumentNumber,
    DateOnly? DocumentDate,
    string? DocumentFileReference,
    IReadOnlyList<int> ReminderDaysBefore,
    DateTimeOffset StartedAt,
    string State,
    string StateLabel,
    DateTimeOffset? ClosedAt,
    string? CloseReason,
    string? CloseNote,
    string? FinalReport,
    IReadOnlyDictionary<string, int>? Counts = null,
    IReadOnlyList<CampaignMemberResponse>? Members = null)
{
    /// <summary>How many members are flagged copied from the previous term; with the roll-up only.</summary>
    public int? CopiedCount { get; init; }

    /// <summary>How many members' latest closed consultation counts as held for form; with the roll-up only.</summary>
    public int? FormalConsultationCount { get; init; }

    public static CampaignResponse From(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new(campaign.Id, campaign.OfficeOrganisationId, campaign.Title, campaign.Requirement.Kind.ToString(),
            CampaignText.Requirement(campaign.Requirement.Kind), campaign.Requirement.ModelIssuedOn,
            [.. campaign.OrganisationTypes.Select(t => t.ToString())], campaign.Deadline, campaign.EndsOn,
            campaign.DirectingDocument?.Number, campaign.DirectingDocument?.Date, campaign.DirectingDocument?.FileReference,
            campaign.ReminderDaysBefore, campaign.StartedAt, campaign.State.ToString(), CampaignText.State(campaign.State),
            campaign.ClosedAt, campaign.CloseReason?.ToString(), campaign.CloseNote,
            campaign.FinalReport is null ? null : $"{CampaignsApi.Path}/{campaign.Id}/final-report.xlsx");
    }

    public static CampaignResponse From(CampaignRollUp rollUp, CampaignComplianceState? only)
    {
        ArgumentNullException.ThrowIfNull(rollUp);
        return From(rollUp.Campaign) with
        {
            Counts = CampaignRollUp.StateOrder.ToDictionary(s => s.ToString(), s => rollUp.Counts[s]),
            Members = [.. rollUp.In(only).Select(CampaignMemberResponse.From)],
            CopiedCount = rollUp.CopiedCount,
            FormalConsultationCount = rollUp.FormalConsultationCount,
        };
    }
}
