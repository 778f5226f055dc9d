using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// The campaigns (<i>đợt chỉ đạo</i>) of every upper level.
/// <para>
/// Table <c>campaigns</c>: one partition "campaign" (campaigns are few: a handful per upper level and year), RK = the
/// campaign id. Columns OfficeOrganisationId, OfficePath (the office organisation's materialized path when the campaign
/// started; organisations never move), State and Deadline for reading by eye, plus the <see cref="Campaign"/> as chunked
/// JSON. Inserted once (<see cref="CreateAsync"/>), then replaced only under the ETag it was read with. Membership is not
/// stored: it is the office's subtree at each read. Thread-safe.
/// </para>
/// </summary>
public sealed class CampaignStore(StateTables tables)
{
    public const string TableName = "campaigns";
    public const string Partition = "campaign";
    private readonly AggregateRows<Campaign> _rows = new(tables, TableName);

    /// <summary>Inserts <paramref name="campaign"/>, started by the office at <paramref name="officePath"/>.</summary>
    /// <exception cref="ConcurrencyConflictException">A campaign with that id exists.</exception>
    public Task<Azure.ETag> CreateAsync(Campaign campaign, string officePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentException.ThrowIfNullOrEmpty(officePath);
        return _rows.AddAsync(Partition, StateKeys.Id(campaign.Id, nameof(campaign)), campaign, e => Columns(e, campaign, officePath), cancellationToken);
    }

    /// <summary>Replaces the campaign read with <paramref name="ifMatch"/>.</summary>
    /// <exception cref="ConcurrencyConflictException">It changed since it was read.</exception>
    public Task<Azure.ETag> UpdateAsync(Campaign campaign, string officePath, Azure.ETag ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return _rows.UpdateAsync(Partition, StateKeys.Id(campaign.Id, nameof(campaign)), campaign, ifMatch, e => Columns(e, campaign, officePath), cancellationToken);
    }

    /// <summary>The campaign <paramref name="campaignId"/>, or null.</summary>
    public Task<Loaded<Campaign>?> GetAsync(string campaignId, CancellationToken cancellationToken = default) =>
        _rows.GetAsync(Partition, StateKeys.Id(campaignId, nameof(campaignId)), cancellationToken);

    /// <summary>Every campaign, in id order (one partition query, a request per 1,000 campaigns).</summary>
    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken = default)
    {
        List<Campaign> campaigns = [];
        await foreach (var loaded in _rows.ListAsync(Partition, cancellationToken))
        {
            campaigns.Add(loaded.Value);
        }

        return campaigns;
    }

    private static void Columns(Azure.Data.Tables.TableEntity entity, Campaign campaign, string officePath)
    {
        entity["OfficeOrganisationId"] = campaign.OfficeOrganisationId;
        entity["OfficePath"] = officePath;
        entity["State"] = campaign.State.ToString();
        entity["Deadline"] = campaign.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        entity["Title"] = campaign.Title;
    }
}
