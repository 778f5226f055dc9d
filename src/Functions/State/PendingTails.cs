using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Command tails pending in the rows of the aggregate tables (columns <c>Tail0</c>, <c>Tail1</c>, ... and
/// <c>TailChunks</c>, beside the state): finding them and clearing them once carried out. What a tail holds is the
/// lifecycle's business; this class only stores it. Thread-safe.
/// </summary>
public sealed class PendingTails(StateTables tables)
{
    private const string Prefix = "Tail";
    private const string ChunksColumn = Prefix + "Chunks";

    /// <summary>The tables of a regulation's stage objects, each partitioned by the regulation's id.</summary>
    public static IReadOnlyList<string> StageTables { get; } =
    [
        ConsultationStore.TableName,
        VoteRoundStore.TableName,
        FilingStore.TableName,
        ReviewStore.TableName,
    ];

    /// <summary>The tables whose rows may hold a tail.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        [RegulationStore.TableName, .. StageTables, OrganisationStore.TableName, ModelRegulationStore.TableName];

    /// <summary>Every pending tail of every table (the reconciler's sweep: a scan of each table, filtered by the service).</summary>
    public async IAsyncEnumerable<PendingTail> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string name in Tables)
        {
            var table = await tables.GetAsync(name, cancellationToken);
            await foreach (var entity in table.QueryAsync<TableEntity>($"{ChunksColumn} gt 0", cancellationToken: cancellationToken))
            {
                if (Read(name, entity) is { } tail)
                {
                    yield return tail;
                }
            }
        }
    }

    /// <summary>The pending tails in one partition of one table (a retried request looks where its command wrote).</summary>
    public async IAsyncEnumerable<PendingTail> ListAsync(string tableName, string partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}") + $" and {ChunksColumn} gt 0";
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (Read(tableName, entity) is { } tail)
            {
                yield return tail;
            }
        }
    }

    /// <summary>
    /// Removes <paramref name="tail"/> from its row unless the row changed since it was read: a later write replaced
    /// the whole row, and its writer carried the tail out before writing. Idempotent.
    /// </summary>
    public async Task ClearAsync(PendingTail tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tail);
        var table = await tables.GetAsync(tail.Row.Table, cancellationToken);
        TableEntity cleared = new(tail.Row.PartitionKey, tail.Row.RowKey);
        StateJson.WriteChunks(cleared, Prefix, string.Empty);
        for (int chunk = 0; chunk * StateJson.ChunkChars < tail.Json.Length; chunk++)
        {
            cleared[Prefix + chunk.ToString(System.Globalization.CultureInfo.InvariantCulture)] = string.Empty;
        }

        try
        {
            await table.UpdateEntityAsync(cleared, tail.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Rewritten or gone since: nothing of this tail is left in the row.
        }
    }

    internal static void Write(TableEntity entity, string json) => StateJson.WriteChunks(entity, Prefix, json);

    internal static PendingTail? Read(string tableName, TableEntity entity) =>
        StateJson.ReadChunks(entity, Prefix) is { } json
            ? new PendingTail(new RowReference(tableName, entity.PartitionKey, entity.RowKey), entity.ETag, json)
            : null;
}
