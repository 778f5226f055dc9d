using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// A campaign as one person may see it (<see cref="CampaignWorkflow.ViewAsync"/>): the members at or below
/// <see cref="ScopePath"/>. Those who reach the campaign's office (its own office, the levels above it, an
/// administrator) see it whole (<see cref="IsWhole"/>: the scope is the office's path) and may have its final report;
/// the office of an organisation the campaign covers sees only its own part of the roll-up, read-only.
/// </summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="OfficePath">The materialized path of the campaign's office organisation.</param>
/// <param name="ScopePath">The path whose subtree the person sees of the members.</param>
public sealed record CampaignView(Campaign Campaign, string OfficePath, string ScopePath)
{
    /// <summary>True when the person sees every member: they reach the campaign's office.</summary>
    public bool IsWhole => ScopePath == OfficePath;
}
