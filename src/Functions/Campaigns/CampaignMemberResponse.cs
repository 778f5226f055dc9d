namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>One member of a campaign's roll-up as the API returns it; dates as yyyy-MM-dd.</summary>
public sealed record CampaignMemberResponse(
    string OrganisationId,
    string Code,
    string Name,
    string Type,
    string TypeLabel,
    string State,
    string StateLabel,
    string? Stage,
    string? StageLabel,
    string? RegulationId,
    string? RegulationNumber,
    DateOnly? DoneOn)
{
    public static CampaignMemberResponse From(CampaignMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var compliance = member.Compliance;
        return new(member.OrganisationId, member.Code, member.Name, member.Type.ToString(), Status.StatusText.OrganisationType(member.Type),
            compliance.State.ToString(), CampaignText.Compliance(compliance.State), compliance.Stage?.ToString(),
            compliance.Stage is { } stage ? Domain.Regulations.RegulationStageText.Label(stage) : null,
            member.RegulationId, compliance.Number, compliance.DoneOn);
    }
}
