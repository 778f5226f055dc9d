using QuyCheWorkflow.Domain.Consultations;
using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Consultation rounds (recipients, responses and their comments) and the resolution sheets answering them.
/// <para>
/// Table <c>consultations</c>: PK = regulation id; RK = "round|{round id}" for a round, "sheet|{round id}" for its
/// resolution sheet. Columns Kind and Status, plus the state as chunked JSON (properties of 30 K characters), so
/// a round's comments may reach about 900 K characters before the 1 MiB row limit; larger rounds fail loudly on
/// save rather than truncating.
/// </para>
/// </summary>
public sealed class ConsultationStore(StateTables tables)
{
    public const string TableName = "consultations";
    private readonly AggregateRows<ConsultationRoundState> _rounds = new(tables, TableName);
    private readonly AggregateRows<ResolutionSheetState> _sheets = new(tables, TableName);

    public Task<ETag> AddRoundAsync(ConsultationRoundState round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        return _rounds.AddAsync(Key(round.RegulationId), RoundKey(round.Id), round, e => RoundColumns(e, round), cancellationToken);
    }

    /// <exception cref="ConcurrencyConflictException">The round changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public Task<ETag> UpdateRoundAsync(ConsultationRoundState round, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        return _rounds.UpdateAsync(Key(round.RegulationId), RoundKey(round.Id), round, ifMatch, e => RoundColumns(e, round), cancellationToken);
    }

    /// <summary>Replaces the round's row with <paramref name="tail"/> in the same write; returns where the tail now waits.</summary>
    /// <exception cref="ConcurrencyConflictException">The round changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public async Task<PendingTail> UpdateRoundAsync(ConsultationRoundState round, ETag ifMatch, string tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        var etag = await _rounds.UpdateAsync(Key(round.RegulationId), RoundKey(round.Id), round, ifMatch, e => RoundColumns(e, round), tail, cancellationToken);
        return new(new RowReference(TableName, Key(round.RegulationId), RoundKey(round.Id)), etag, tail);
    }

    public Task<Loaded<ConsultationRoundState>?> GetRoundAsync(string regulationId, string roundId, CancellationToken cancellationToken = default) =>
        _rounds.GetAsync(Key(regulationId), RoundKey(roundId), cancellationToken);

    public Task<ETag> AddSheetAsync(string regulationId, string roundId, ResolutionSheetState sheet, CancellationToken cancellationToken = default) =>
        _sheets.AddAsync(Key(regulationId), SheetKey(roundId), sheet, e => e["Kind"] = "sheet", cancellationToken);

    /// <exception cref="ConcurrencyConflictException">The sheet changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public Task<ETag> UpdateSheetAsync(string regulationId, string roundId, ResolutionSheetState sheet, ETag ifMatch, CancellationToken cancellationToken = default) =>
        _sheets.UpdateAsync(Key(regulationId), SheetKey(roundId), sheet, ifMatch, e => e["Kind"] = "sheet", cancellationToken);

    /// <summary>Replaces the sheet's row with <paramref name="tail"/> in the same write; returns where the tail now waits.</summary>
    /// <exception cref="ConcurrencyConflictException">The sheet changed since it was loaded with <paramref name="ifMatch"/>.</exception>
    public async Task<PendingTail> UpdateSheetAsync(string regulationId, string roundId, ResolutionSheetState sheet, ETag ifMatch, string tail, CancellationToken cancellationToken = default)
    {
        var etag = await _sheets.UpdateAsync(Key(regulationId), SheetKey(roundId), sheet, ifMatch, e => e["Kind"] = "sheet", tail, cancellationToken);
        return new(new RowReference(TableName, Key(regulationId), SheetKey(roundId)), etag, tail);
    }

    public Task<Loaded<ResolutionSheetState>?> GetSheetAsync(string regulationId, string roundId, CancellationToken cancellationToken = default) =>
        _sheets.GetAsync(Key(regulationId), SheetKey(roundId), cancellationToken);

    /// <summary>Every consultation round of a regulation (of every cycle), in id order: one range query.</summary>
    public IAsyncEnumerable<Loaded<ConsultationRoundState>> ListRoundsAsync(string regulationId, CancellationToken cancellationToken = default) =>
        _rounds.ListWithPrefixAsync(Key(regulationId), "round|", cancellationToken);

    /// <summary>Every resolution sheet of a regulation, in round id order: one range query.</summary>
    public IAsyncEnumerable<Loaded<ResolutionSheetState>> ListSheetsAsync(string regulationId, CancellationToken cancellationToken = default) =>
        _sheets.ListWithPrefixAsync(Key(regulationId), "sheet|", cancellationToken);

    private static string Key(string id) => StateKeys.Id(id, nameof(id));

    private static string RoundKey(string roundId) => "round|" + Key(roundId);

    private static string SheetKey(string roundId) => "sheet|" + Key(roundId);

    private static void RoundColumns(TableEntity entity, ConsultationRoundState round)
    {
        entity["Kind"] = "round";
        entity["Status"] = round.Status.ToString();
        entity["Deadline"] = round.Deadline;
    }
}
