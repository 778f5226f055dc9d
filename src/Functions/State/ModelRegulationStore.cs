using System.Globalization;
using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Model regulations (<i>quy chế mẫu</i>) published by upper-level organisations, one current model per publisher
/// and organisation type, with every earlier publication kept.
/// <para>
/// Table <c>modelregulations</c>: PK = publisher organisation id; RK = the type's name for the current model
/// (replaced only under the ETag it was read with), and "Type-000001", "Type-000002", ... for each publication
/// ever made (written after the current row, so a crash in between loses a history row, never the current model;
/// the audit chain of the publisher records every publication too). Columns Type, Version, ContentHash, plus the
/// record as chunked JSON.
/// </para>
/// <para>
/// The model that applies to an organisation is the one of its type published by the nearest organisation on
/// its path to the root (<see cref="FindApplicableAsync"/>): a bloc's model overrides the province's for the
/// bloc's subtree. Thread-safe.
/// </para>
/// </summary>
public sealed class ModelRegulationStore(StateTables tables, OrganisationStore organisations)
{
    public const string TableName = "modelregulations";
    private readonly AggregateRows<ModelRegulation> _rows = new(tables, TableName);

    /// <summary>The current model of <paramref name="publisherOrganisationId"/> for <paramref name="type"/>, or null.</summary>
    public Task<Loaded<ModelRegulation>?> GetAsync(string publisherOrganisationId, OrganisationType type, CancellationToken cancellationToken = default) =>
        _rows.GetAsync(Key(publisherOrganisationId), type.ToString(), cancellationToken);

    /// <summary>
    /// Writes <paramref name="model"/> as the current model of its type, with a command's <paramref name="tail"/> in the
    /// same write (which records it in the history with <see cref="AddHistoryAsync"/>); returns where the tail waits.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">Another publication came first.</exception>
    public async Task<PendingTail> PublishAsync(ModelRegulation model, ETag ifMatch, string tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        string partition = Key(model.PublisherOrganisationId);
        var etag = ifMatch == default
            ? await _rows.AddAsync(partition, model.Type.ToString(), model, e => Columns(e, model), tail, cancellationToken)
            : await _rows.UpdateAsync(partition, model.Type.ToString(), model, ifMatch, e => Columns(e, model), tail, cancellationToken);
        return new(new RowReference(TableName, partition, model.Type.ToString()), etag, tail);
    }

    /// <summary>Records a publication in the type's history, unless it is there already. Idempotent.</summary>
    public async Task AddHistoryAsync(ModelRegulation model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            await _rows.AddAsync(Key(model.PublisherOrganisationId), HistoryKey(model.Type, model.Version), model, e => Columns(e, model), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Only the winner of the current row's ETag records this version; a row already there is a retry's.
        }
    }

    /// <summary>Every publication of <paramref name="publisherOrganisationId"/> for <paramref name="type"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ModelRegulation>> ListHistoryAsync(string publisherOrganisationId, OrganisationType type, CancellationToken cancellationToken = default)
    {
        string prefix = type + "-";
        List<ModelRegulation> history = [];
        await foreach (var row in ListRowsAsync(publisherOrganisationId, cancellationToken))
        {
            if (row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                history.Add(row.Model);
            }
        }

        return [.. history.OrderBy(m => m.Version)];
    }

    /// <summary>The current models of one publisher, one per type it published for.</summary>
    public async Task<IReadOnlyList<ModelRegulation>> ListCurrentAsync(string publisherOrganisationId, CancellationToken cancellationToken = default)
    {
        List<ModelRegulation> current = [];
        await foreach (var row in ListRowsAsync(publisherOrganisationId, cancellationToken))
        {
            if (Enum.TryParse<OrganisationType>(row.RowKey, out _))
            {
                current.Add(row.Model);
            }
        }

        return current;
    }

    /// <summary>
    /// The model for <paramref name="type"/> published by the nearest organisation above
    /// <paramref name="organisationId"/> (and by itself first when <paramref name="includeSelf"/>), or null when
    /// none on the way to the root has one, or the organisation does not exist.
    /// </summary>
    public async Task<ModelRegulation?> FindApplicableAsync(string organisationId, OrganisationType type, bool includeSelf,
        CancellationToken cancellationToken = default)
    {
        foreach (string publisher in await ChainAsync(organisationId, includeSelf, cancellationToken))
        {
            if (await GetAsync(publisher, type, cancellationToken) is { } found)
            {
                return found.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// For each type, the model that <paramref name="organisationId"/> and its subtree see: its own publication,
    /// else the nearest ancestor's. Empty when the organisation does not exist.
    /// </summary>
    public async Task<IReadOnlyList<ModelRegulation>> ListInEffectAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        Dictionary<OrganisationType, ModelRegulation> byType = [];
        foreach (string publisher in await ChainAsync(organisationId, includeSelf: true, cancellationToken))
        {
            foreach (var model in await ListCurrentAsync(publisher, cancellationToken))
            {
                byType.TryAdd(model.Type, model);
            }
        }

        return [.. byType.Values.OrderBy(m => m.Type)];
    }

    private async Task<IReadOnlyList<string>> ChainAsync(string organisationId, bool includeSelf, CancellationToken cancellationToken)
    {
        string? path = await organisations.GetPathAsync(organisationId, cancellationToken);
        if (path is null)
        {
            return [];
        }

        var nearestFirst = path.Split('|').Reverse();
        return [.. includeSelf ? nearestFirst : nearestFirst.Skip(1)];
    }

    private async IAsyncEnumerable<(string RowKey, ModelRegulation Model)> ListRowsAsync(string publisherOrganisationId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Key(publisherOrganisationId)}"), cancellationToken: cancellationToken))
        {
            yield return (entity.RowKey, StateJson.Read<ModelRegulation>(entity));
        }
    }

    private static string HistoryKey(OrganisationType type, int version) =>
        type + "-" + version.ToString("D6", CultureInfo.InvariantCulture);

    private static string Key(string id) => StateKeys.Id(id, nameof(id));

    private static void Columns(TableEntity entity, ModelRegulation model)
    {
        entity["Type"] = model.Type.ToString();
        entity["Version"] = model.Version;
        entity["ContentHash"] = model.ContentHash.ToString();
    }
}
