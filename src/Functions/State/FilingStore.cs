using QuyCheWorkflow.Domain.Filings;
using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Filings of issued regulations with the upper level (<i>gửi cấp trên</i>) and the upper level's response.
/// <para>
/// Table <c>filings</c>: PK = regulation id, RK = filing id; columns Status, UpperLevelOrganisationId, SentAt,
/// plus the state as chunked JSON.
/// </para>
/// </summary>
public sealed class FilingStore(StateTables tables)
{
    public const string TableName = "filings";
    private readonly AggregateRows<FilingState> _rows = new(tables, TableName);

    public Task<ETag> AddAsync(FilingState filing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filing);
        return _rows.AddAsync(Key(filing.RegulationId), Key(filing.Id), filing, e => Columns(e, filing), cancellationToken);
    }

    /// <exception cref="ConcurrencyConflictException">The filing changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public Task<ETag> UpdateAsync(FilingState filing, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filing);
        return _rows.UpdateAsync(Key(filing.RegulationId), Key(filing.Id), filing, ifMatch, e => Columns(e, filing), cancellationToken);
    }

    /// <summary>Replaces the row with <paramref name="tail"/> in the same write; returns where the tail now waits.</summary>
    /// <exception cref="ConcurrencyConflictException">The filing changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public async Task<PendingTail> UpdateAsync(FilingState filing, ETag ifMatch, string tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filing);
        var etag = await _rows.UpdateAsync(Key(filing.RegulationId), Key(filing.Id), filing, ifMatch, e => Columns(e, filing), tail, cancellationToken);
        return new(new RowReference(TableName, Key(filing.RegulationId), Key(filing.Id)), etag, tail);
    }

    public Task<Loaded<FilingState>?> GetAsync(string regulationId, string filingId, CancellationToken cancellationToken = default) =>
        _rows.GetAsync(Key(regulationId), Key(filingId), cancellationToken);

    public IAsyncEnumerable<Loaded<FilingState>> ListByRegulationAsync(string regulationId, CancellationToken cancellationToken = default) =>
        _rows.ListAsync(Key(regulationId), cancellationToken);

    private static string Key(string id) => StateKeys.Id(id, nameof(id));

    private static void Columns(TableEntity entity, FilingState filing)
    {
        entity["Status"] = filing.Status.ToString();
        entity["UpperLevelOrganisationId"] = filing.UpperLevelOrganisationId;
        entity["SentAt"] = filing.SentAt;
    }
}
