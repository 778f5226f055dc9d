using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Domain.Audit;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Append-only, hash-chained audit log, one chain per partition (a regulation id, or an organisation id for
/// what concerns no regulation).
/// <para>
/// Table <c>audit</c>: PK = partition; RK = sequence number zero-padded to 10 digits (1, 2, ...) for entries,
/// columns ActorId, ActorDisplay, At, Action, Subjects (JSON array), Details, Origin, PreviousHash; and one row
/// RK = "head" (sorting after every entry) with Sequence and Hash of the last entry. An append inserts entry n+1
/// and replaces the head (conditional on its ETag) in one entity-group transaction, so appends are serialised:
/// a concurrent append makes the insert fail with 409 or the head update with 412, and the loser reloads the
/// head and retries. Hashing is <see cref="AuditChain"/>'s: an entry maps to <see cref="AuditEntry"/> with
/// Actor = "id\ndisplay" and Subject = "subjects-JSON\ndetails", so every stored field is covered.
/// </para>
/// <para>
/// The head this process last wrote is kept in memory with its ETag, and an append first tries the transaction
/// against it: when nothing else appended meanwhile that saves the head read, and when something did, the insert or
/// the head's If-Match fails as above and the head is read. The memory holds at most <see cref="MaxRememberedHeads"/>
/// chains and is emptied when full.
/// </para>
/// </summary>
public sealed class AuditLog(StateTables tables, TimeProvider timeProvider)
{
    public const string TableName = "audit";
    public const int MaxRememberedHeads = 10_000;
    private const string HeadRowKey = "head";

    // Rows "key|{key}" (sorting after the head, so outside the entries' range) mark an append made once per key.
    private const string KeyRowPrefix = "key|";
    private const int MaxDetailsChars = 8_000;
    private const int MaxAttempts = 20;

    private readonly ProcessMemory<TableEntity> _heads = new(MaxRememberedHeads);

    /// <summary>
    /// Appends <paramref name="record"/> to the chain of <paramref name="partition"/>; retries internally when a
    /// concurrent append wins. Not idempotent: a retried call appends twice (entries are facts, so a repeat shows).
    /// </summary>
    public async Task<AuditLogEntry> AppendAsync(string partition, AuditRecord record, CancellationToken cancellationToken = default) =>
        (await AppendAsync(partition, record, null, null, cancellationToken))!;

    /// <summary>
    /// Appends <paramref name="record"/> unless an append with <paramref name="key"/> is already in the chain of
    /// <paramref name="partition"/>: idempotent, so the unfinished tail of a command can be carried out again by
    /// whoever finds it. The entry is dated <paramref name="at"/> (when the command ran), not when it is appended.
    /// </summary>
    /// <returns>The entry appended, or null when the key had been appended before.</returns>
    public Task<AuditLogEntry?> AppendOnceAsync(string partition, AuditRecord record, string key, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return AppendAsync(partition, record, StateKeys.Id(key, nameof(key)), at, cancellationToken);
    }

    private async Task<AuditLogEntry?> AppendAsync(string partition, AuditRecord record, string? key, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        StateKeys.Id(partition, nameof(partition));
        if (record.DetailsJson is { Length: > MaxDetailsChars })
        {
            throw new ArgumentException($"Audit details are at most {MaxDetailsChars} characters.", nameof(record));
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var head = _heads.TryGet(partition, out var written) ? written : null;
        for (int attempt = 1; ; attempt++)
        {
            if (head is null)
            {
                var stored = await table.GetEntityIfExistsAsync<TableEntity>(partition, HeadRowKey, cancellationToken: cancellationToken);
                head = stored.HasValue ? stored.Value : null;
            }

            long sequence = (head?.GetInt64("Sequence") ?? 0) + 1;
            string previousHash = head?.GetString("Hash") ?? AuditChain.GenesisHash;
            var now = at ?? timeProvider.GetUtcNow();

            // Tables keep times to the millisecond on some implementations; hash what reads back.
            AuditLogEntry entry = new(sequence, new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero), record, previousHash);
            TableEntity newHead = new(partition, HeadRowKey)
            {
                ["Sequence"] = sequence,
                ["Hash"] = AuditChain.Hash(ToChainEntry(entry)),
            };
            TableTransactionAction headAction = head is null
                ? new(TableTransactionActionType.Add, newHead)
                : new(TableTransactionActionType.UpdateReplace, newHead, head.ETag);
            try
            {
                List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, ToEntity(partition, entry)), headAction];
                if (key is not null)
                {
                    actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, KeyRowPrefix + key) { ["Sequence"] = sequence }));
                }

                var responses = await table.SubmitValidatedTransactionAsync(actions, cancellationToken);
                newHead.ETag = responses.Value[1].Headers.ETag.GetValueOrDefault();
                RememberHead(partition, newHead);
                return entry;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // A concurrent append (here or in another process) took this sequence number, or this key is in
                // the chain already: reload the head, or stop.
                _heads.Forget(partition);
                head = null;
                if (key is not null && (await table.GetEntityIfExistsAsync<TableEntity>(partition, KeyRowPrefix + key, select: ["Sequence"], cancellationToken: cancellationToken)).HasValue)
                {
                    return null;
                }
            }
            catch
            {
                // The transaction may or may not have landed: the next append reads the head.
                _heads.Forget(partition);
                throw;
            }
        }
    }

    private void RememberHead(string partition, TableEntity head)
    {
        if (head.ETag == default)
        {
            _heads.Forget(partition);
            return;
        }

        // Two appends of this process may finish out of order; keep the later head.
        _heads.Remember(partition, head, (held, written) => held.GetInt64("Sequence") > written.GetInt64("Sequence") ? held : written);
    }

    /// <summary>The entries of <paramref name="partition"/> in order.</summary>
    public async IAsyncEnumerable<AuditLogEntry> ReadAsync(string partition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {HeadRowKey}"), cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    /// <summary>
    /// Checks the chain of <paramref name="partition"/> against its stored head hash: the index (0-based, in
    /// sequence order) of the first entry whose link is broken, or the entry count when only the head hash fails
    /// (the last entry edited or removed).
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(string partition, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        List<AuditEntry> entries = [];
        string? headHash = null;
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == HeadRowKey)
            {
                headHash = entity.GetString("Hash");
            }
            else if (entity.RowKey.StartsWith(KeyRowPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            else
            {
                entries.Add(ToChainEntry(FromEntity(entity)));
            }
        }

        return AuditChain.Verify(entries, headHash ?? AuditChain.GenesisHash);
    }

    private static AuditEntry ToChainEntry(AuditLogEntry entry) => new(
        entry.Record.ActorId + "\n" + entry.Record.ActorDisplay,
        entry.At,
        entry.Record.Action,
        entry.Record.Origin,
        StateJson.Serialize(entry.Record.SubjectIds) + "\n" + entry.Record.DetailsJson,
        entry.PreviousHash);

    private static TableEntity ToEntity(string partition, AuditLogEntry entry) => new(partition, entry.Sequence.ToString("D10", CultureInfo.InvariantCulture))
    {
        ["ActorId"] = entry.Record.ActorId,
        ["ActorDisplay"] = entry.Record.ActorDisplay,
        ["At"] = entry.At,
        ["Action"] = entry.Record.Action,
        ["Subjects"] = StateJson.Serialize(entry.Record.SubjectIds),
        ["Details"] = entry.Record.DetailsJson,
        ["Origin"] = entry.Record.Origin,
        ["PreviousHash"] = entry.PreviousHash,
    };

    private static AuditLogEntry FromEntity(TableEntity entity) => new(
        long.Parse(entity.RowKey, NumberStyles.None, CultureInfo.InvariantCulture),
        entity.GetDateTimeOffset("At")!.Value,
        new AuditRecord(
            entity.GetString("ActorId")!,
            entity.GetString("ActorDisplay") ?? string.Empty,
            entity.GetString("Action")!,
            StateJson.Deserialize<List<string>>(entity.GetString("Subjects")!),
            entity.GetString("Details"),
            entity.GetString("Origin") ?? string.Empty),
        entity.GetString("PreviousHash")!);
}
