using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>An open campaign covering an organisation, in its status row: which, by when, and where it stands.</summary>
public sealed record OpenCampaignResponse(string Id, string Title, DateOnly Deadline, string State, string StateLabel)
{
    /// <summary>
    /// The open campaigns of <paramref name="open"/> that cover <paramref name="row"/>'s organisation: run by an office
    /// above it on its path, for its type; with its compliance on the Vietnam day of <paramref name="now"/>.
    /// </summary>
    public static IReadOnlyList<OpenCampaignResponse> For(IReadOnlyList<Campaign> open, OrganisationStatus row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(row);
        if (open.Count == 0)
        {
            return [];
        }

        var ancestors = row.Path.Split('|')[..^1];
        DateOnly today = VietnamTime.DateOf(now);
        return [.. open
            .Where(c => c.State == CampaignState.Open && ancestors.Contains(c.OfficeOrganisationId, StringComparer.Ordinal) && c.Covers(row.Type))
            .Select(c => (Campaign: c, Compliance: c.ComplianceOf(CampaignRollUps.FactsOf(row), today)))
            .Select(x => new OpenCampaignResponse(x.Campaign.Id, x.Campaign.Title, x.Campaign.Deadline,
                x.Compliance.State.ToString(), CampaignText.Compliance(x.Compliance.State)))];
    }
}
