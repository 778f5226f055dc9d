using QuyCheWorkflow.Domain.Voting;
using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Standing-committee vote rounds with their ballots.
/// <para>
/// Table <c>votes</c>: PK = regulation id, RK = round id; columns Status and Deadline, plus the state (members,
/// ballots, extensions) as chunked JSON. A committee has at most a few dozen members and a ballot's reason is
/// short text, so a round is a few KiB to a few tens of KiB; chunking keeps each property under 64 KiB and the
/// row under 1 MiB. One row per round means a ballot is one conditional replace: two members voting at the same
/// instant make one of them reload and retry instead of losing a ballot.
/// </para>
/// </summary>
public sealed class VoteRoundStore(StateTables tables)
{
    public const string TableName = "votes";
    private readonly AggregateRows<VoteRoundState> _rows = new(tables, TableName);

    /// <exception cref="ConcurrencyConflictException">The round id is taken for that regulation.</exception>
    public Task<ETag> AddAsync(VoteRoundState round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        return _rows.AddAsync(Key(round.RegulationId), Key(round.Id), round, e => Columns(e, round), cancellationToken);
    }

    /// <exception cref="ConcurrencyConflictException">The round changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public Task<ETag> UpdateAsync(VoteRoundState round, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        return _rows.UpdateAsync(Key(round.RegulationId), Key(round.Id), round, ifMatch, e => Columns(e, round), cancellationToken);
    }

    /// <summary>Replaces the row with <paramref name="tail"/> in the same write; returns where the tail now waits.</summary>
    /// <exception cref="ConcurrencyConflictException">The round changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public async Task<PendingTail> UpdateAsync(VoteRoundState round, ETag ifMatch, string tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var etag = await _rows.UpdateAsync(Key(round.RegulationId), Key(round.Id), round, ifMatch, e => Columns(e, round), tail, cancellationToken);
        return new(new RowReference(TableName, Key(round.RegulationId), Key(round.Id)), etag, tail);
    }

    public Task<Loaded<VoteRoundState>?> GetAsync(string regulationId, string roundId, CancellationToken cancellationToken = default) =>
        _rows.GetAsync(Key(regulationId), Key(roundId), cancellationToken);

    /// <summary>All rounds of one regulation.</summary>
    public IAsyncEnumerable<Loaded<VoteRoundState>> ListByRegulationAsync(string regulationId, CancellationToken cancellationToken = default) =>
        _rows.ListAsync(Key(regulationId), cancellationToken);

    private static string Key(string id) => StateKeys.Id(id, nameof(id));

    private static void Columns(TableEntity entity, VoteRoundState round)
    {
        entity["Status"] = round.Status.ToString();
        entity["Deadline"] = round.Deadline;
    }
}
