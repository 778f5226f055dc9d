using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// Which organisation a regulation belongs to. Regulation ids are global (links and filings carry only the
/// regulation id), while the regulations table is partitioned by organisation.
/// <para>
/// Table <c>regulationindex</c>: PK = regulation id, RK = "org"; column OrganisationId. Written before the
/// regulation row, so a regulation is always findable; a row whose regulation was never written (a crash in
/// between) only reserves its id for the same organisation.
/// </para>
/// <para>
/// A row is never changed or deleted once written, so what was found is kept in memory: every link click and
/// ballot asks, and only the first ask of a process reads the table. Unknown ids are not kept (they may be created
/// by another instance at any moment), and the memory is emptied when it reaches <see cref="MaxRemembered"/>.
/// </para>
/// </summary>
public sealed class RegulationIndex(StateTables tables)
{
    public const string TableName = "regulationindex";
    public const int MaxRemembered = 100_000;
    private const string RowKey = "org";

    private readonly ProcessMemory<string> _found = new(MaxRemembered);

    /// <summary>Reserves <paramref name="regulationId"/> for <paramref name="organisationId"/>.</summary>
    /// <returns>False when the id already belongs to another organisation.</returns>
    public async Task<bool> ReserveAsync(string regulationId, string organisationId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(regulationId, RowKey) { ["OrganisationId"] = organisationId }, cancellationToken);
            _found.Remember(regulationId, organisationId);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return await FindAsync(regulationId, cancellationToken) == organisationId;
        }
    }

    /// <summary>The organisation of <paramref name="regulationId"/>, or null when unknown.</summary>
    public async Task<string?> FindAsync(string regulationId, CancellationToken cancellationToken = default)
    {
        if (_found.TryGet(regulationId, out var known))
        {
            return known;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(regulationId, RowKey, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value?.GetString("OrganisationId") is not { } organisationId)
        {
            return null;
        }

        _found.Remember(regulationId, organisationId);
        return organisationId;
    }
}
