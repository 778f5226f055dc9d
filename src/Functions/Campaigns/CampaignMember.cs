using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>One organisation covered by a campaign, with its compliance as of the roll-up's instant.</summary>
public sealed record CampaignMember(
    string OrganisationId,
    string Path,
    string Code,
    string Name,
    OrganisationType Type,
    string? RegulationId,
    CampaignCompliance Compliance);
