using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Regulations with their drafting cycles, draft versions, issuance and amendments (all inside
/// <see cref="RegulationState"/>).
/// <para>
/// Table <c>regulations</c>: PK = organisation id, RK = regulation id, so "the regulations of this organisation"
/// (what the status row and compliance need) is one partition read. Columns: Title, Term, Stage, plus the state
/// as chunked JSON. Draft versions are a few small records each, so a regulation stays far below 1 MiB.
/// </para>
/// </summary>
public sealed class RegulationStore(StateTables tables)
{
    public const string TableName = "regulations";
    private readonly AggregateRows<RegulationState> _rows = new(tables, TableName);

    /// <exception cref="ConcurrencyConflictException">The id is taken in that organisation.</exception>
    public Task<ETag> AddAsync(RegulationState regulation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        return _rows.AddAsync(Key(regulation.OrganisationId), Key(regulation.Id), regulation, e => Columns(e, regulation), cancellationToken);
    }

    /// <exception cref="ConcurrencyConflictException">The row changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public Task<ETag> UpdateAsync(RegulationState regulation, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        return _rows.UpdateAsync(Key(regulation.OrganisationId), Key(regulation.Id), regulation, ifMatch, e => Columns(e, regulation), cancellationToken);
    }

    /// <summary>Adds the row with <paramref name="tail"/> in the same write; returns where the tail now waits.</summary>
    /// <exception cref="ConcurrencyConflictException">The id is taken in that organisation.</exception>
    public async Task<PendingTail> AddAsync(RegulationState regulation, string tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        var etag = await _rows.AddAsync(Key(regulation.OrganisationId), Key(regulation.Id), regulation, e => Columns(e, regulation), tail, cancellationToken);
        return new(Row(regulation.OrganisationId, regulation.Id), etag, tail);
    }

    /// <summary>Replaces the row with <paramref name="tail"/> in the same write; returns where the tail now waits.</summary>
    /// <exception cref="ConcurrencyConflictException">The row changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public async Task<PendingTail> UpdateAsync(RegulationState regulation, ETag ifMatch, string tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        var etag = await _rows.UpdateAsync(Key(regulation.OrganisationId), Key(regulation.Id), regulation, ifMatch, e => Columns(e, regulation), tail, cancellationToken);
        return new(Row(regulation.OrganisationId, regulation.Id), etag, tail);
    }

    public static RowReference Row(string organisationId, string regulationId) => new(TableName, Key(organisationId), Key(regulationId));

    public Task<Loaded<RegulationState>?> GetAsync(string organisationId, string regulationId, CancellationToken cancellationToken = default) =>
        _rows.GetAsync(Key(organisationId), Key(regulationId), cancellationToken);

    /// <summary>All regulations of one organisation, every term.</summary>
    public IAsyncEnumerable<Loaded<RegulationState>> ListByOrganisationAsync(string organisationId, CancellationToken cancellationToken = default) =>
        _rows.ListAsync(Key(organisationId), cancellationToken);

    private static string Key(string id) => StateKeys.Id(id, nameof(id));

    private static void Columns(TableEntity entity, RegulationState regulation)
    {
        entity["Title"] = regulation.Title;
        entity["Term"] = StateKeys.FormatTerm(regulation.Term);
        entity["Stage"] = Regulation.FromState(regulation).Stage.ToString();
    }
}
