using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// Computes a campaign's roll-up from the status rows (<see cref="StatusProjection"/>), which already carry each
/// organisation's type, term, regulation stage, number, issue date and last review: one point read for the office's
/// path and one partition range query per 1,000 organisations of its subtree (or none, over the kept tree); no
/// regulation is read. The office itself is not a member; organisations created since the campaign started are
/// (membership is the subtree now). Each member carries its row's copy and quality figures (likeness to the previous
/// term, the copied flag, the last consultation and its formal flag). The rows also carry how the regulation's first draft was started and whether the text in force is an amendment, so
/// a revision campaign counts as done only a regulation issued after the model's date that was started from the model
/// or is an amendment; a row written before those were kept decides by the issue date alone (see
/// <see cref="Campaign.ComplianceOf"/>). Thread-safe.
/// </summary>
public sealed class CampaignRollUps(StatusProjection status, OrganisationStore organisations, TimeProvider timeProvider)
{
    /// <summary>
    /// The roll-up of <paramref name="campaign"/> now (a closed campaign: as of its closing), over the status rows read
    /// afresh: what the final report and a wave's office summary state.
    /// </summary>
    /// <exception cref="InvalidOperationException">The campaign's office organisation no longer exists.</exception>
    public async Task<CampaignRollUp> ComputeAsync(Campaign campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        string path = await organisations.GetPathAsync(campaign.OfficeOrganisationId, cancellationToken)
            ?? throw new InvalidOperationException($"Organisation '{campaign.OfficeOrganisationId}' does not exist.");
        return await ComputeAtAsync(campaign, path, cancellationToken);
    }

    /// <summary>
    /// As <see cref="ComputeAsync"/>, for a caller that has read the office's materialized path
    /// <paramref name="officePath"/> already.
    /// </summary>
    public async Task<CampaignRollUp> ComputeAtAsync(Campaign campaign, string officePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentException.ThrowIfNullOrEmpty(officePath);
        return Compute(campaign, await status.QuerySubtreeAtPathAsync(officePath, cancellationToken: cancellationToken), campaign.ClosedAt ?? timeProvider.GetUtcNow());
    }

    /// <summary>
    /// The roll-up of <paramref name="campaign"/> now over the members at or below <paramref name="path"/> only: the
    /// office's own path gives every member; the path of an organisation the campaign covers gives that organisation's
    /// part (what its own office sees). Read from the status tree this process keeps, as the dashboard reads it
    /// (<see cref="StatusProjection.ReadTreeAsync"/>: rows at most a few seconds old, and this process's own refreshes
    /// at once), so a page of a campaign over thousands of organisations costs no table query when the tree is kept.
    /// </summary>
    public async Task<CampaignRollUp> ComputeWithinAsync(Campaign campaign, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var tree = await status.ReadTreeAsync(path.Split('|')[0], cancellationToken);
        return Compute(campaign, tree.Subtree(path), campaign.ClosedAt ?? timeProvider.GetUtcNow());
    }

    /// <summary>The roll-up of <paramref name="campaign"/> at <paramref name="at"/> over status rows already read.</summary>
    public static CampaignRollUp Compute(Campaign campaign, IEnumerable<OrganisationStatus> subtreeRows, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(subtreeRows);
        DateOnly today = VietnamTime.DateOf(at);
        var members = subtreeRows
            .Where(r => r.OrganisationId != campaign.OfficeOrganisationId && campaign.Covers(r.Type))
            .Select(r => new CampaignMember(r.OrganisationId, r.Path, r.Code, r.Name, r.Type, r.RegulationId,
                campaign.ComplianceOf(FactsOf(r), today))
            {
                Likeness = r.Likeness,
                LastConsultation = r.LastConsultation,
            })
            .OrderBy(m => CampaignRollUp.Rank(m.Compliance.State))
            .ThenBy(m => m.Path, StringComparer.Ordinal)
            .ToList();
        return new CampaignRollUp(campaign, at, members);
    }

    /// <summary>What the status row knows of the organisation, as the campaign's facts.</summary>
    public static CampaignFacts FactsOf(OrganisationStatus row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new CampaignFacts(row.Type, row.Term, row.Stage, row.IssuedOn, row.RegulationNumber, row.Origin, row.IsAmendment, row.LastReviewDate);
    }
}
