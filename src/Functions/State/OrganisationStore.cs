using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Organisations and their standing committees.
/// <para>
/// Table <c>organisations</c>: PK = "org", RK = organisation id; columns Name, Code, Type, ParentId (absent for a
/// root), CommitteeName (absent when it
/// follows the name, see <see cref="Organisation.CommitteeName"/>; rows written before it existed read so), Term ("2025-2030"), Path (materialized path of ids from the root, "root|bloc|base") and Members (JSON
/// of the committee, at most a few dozen people, far below the 64 KiB property limit). The committee lives on
/// the organisation row so that one ETag guards both, and the whole tree (a province has a few thousand
/// organisations) is one partition read.
/// </para>
/// <para>
/// Organisations do not move: the parent is fixed at creation and <see cref="UpdateAsync(Organisation, Azure.ETag, CancellationToken)"/> rejects a changed
/// parent with <see cref="InvalidOperationException"/>, because the path (and so every status row of the
/// subtree, see <see cref="Status.StatusProjection"/>) is keyed by it. A real move is a new organisation.
/// </para>
/// </summary>
public sealed class OrganisationStore(StateTables tables)
{
    public const string TableName = "organisations";
    public const string Partition = "org";

    /// <summary>Creates <paramref name="organisation"/>; its parent, if any, must exist.</summary>
    /// <exception cref="ConcurrencyConflictException">The id is taken.</exception>
    /// <exception cref="InvalidOperationException">The parent does not exist.</exception>
    public async Task<ETag> CreateAsync(Organisation organisation, CancellationToken cancellationToken = default) =>
        (await CreateAsync(organisation, null, cancellationToken)).ETag;

    /// <summary>Creates <paramref name="organisation"/> with a command's <paramref name="tail"/> in the same write.</summary>
    /// <exception cref="ConcurrencyConflictException">The id is taken.</exception>
    /// <exception cref="InvalidOperationException">The parent does not exist.</exception>
    public async Task<PendingTail> CreateAsync(Organisation organisation, string? tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        StateKeys.Id(organisation.Id, nameof(organisation));
        string path = organisation.Id;
        if (organisation.ParentId is { } parentId)
        {
            var parent = await GetStoredAsync(parentId, cancellationToken)
                ?? throw new InvalidOperationException($"Parent organisation '{parentId}' of '{organisation.Id}' does not exist.");
            path = parent.Path + "|" + organisation.Id;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            var response = await table.AddEntityAsync(ToEntity(organisation, path, tail), cancellationToken);
            return new(Row(organisation.Id), response.Headers.ETag.GetValueOrDefault(), tail ?? string.Empty);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            throw new ConcurrencyConflictException($"Organisation '{organisation.Id}' already exists.", exception);
        }
    }

    /// <summary>Saves a changed name, code, type, term or committee, if the row still has <paramref name="ifMatch"/>.</summary>
    /// <exception cref="ConcurrencyConflictException">The row changed since it was loaded.</exception>
    /// <exception cref="InvalidOperationException">The parent changed: organisations do not move.</exception>
    public async Task<ETag> UpdateAsync(Organisation organisation, ETag ifMatch, CancellationToken cancellationToken = default) =>
        (await UpdateAsync(organisation, ifMatch, null, cancellationToken)).ETag;

    /// <summary>Saves as above with a command's <paramref name="tail"/> in the same write.</summary>
    /// <exception cref="ConcurrencyConflictException">The row changed since it was loaded.</exception>
    /// <exception cref="InvalidOperationException">The parent changed: organisations do not move.</exception>
    public async Task<PendingTail> UpdateAsync(Organisation organisation, ETag ifMatch, string? tail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var stored = await GetStoredAsync(organisation.Id, cancellationToken)
            ?? throw new ConcurrencyConflictException($"Organisation '{organisation.Id}' does not exist.");
        if (stored.Organisation.ParentId != organisation.ParentId)
        {
            throw new InvalidOperationException(
                $"Organisation '{organisation.Id}' cannot move from parent '{stored.Organisation.ParentId}' to '{organisation.ParentId}': " +
                "status rows are keyed by the path; create a new organisation instead.");
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(organisation, stored.Path, tail), ifMatch, TableUpdateMode.Replace, cancellationToken);
            return new(Row(organisation.Id), response.Headers.ETag.GetValueOrDefault(), tail ?? string.Empty);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            throw new ConcurrencyConflictException($"Organisation '{organisation.Id}' changed since it was loaded.", exception);
        }
    }

    /// <summary>The organisation, or null.</summary>
    public async Task<Loaded<Organisation>?> GetAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        var stored = await GetStoredAsync(organisationId, cancellationToken);
        return stored is null ? null : new Loaded<Organisation>(stored.Organisation, stored.ETag) { Tail = stored.Tail };
    }

    /// <summary>The materialized path of ids from the root ("root|bloc|base"), or null when unknown.</summary>
    public async Task<string?> GetPathAsync(string organisationId, CancellationToken cancellationToken = default) =>
        (await GetStoredAsync(organisationId, cancellationToken))?.Path;

    /// <summary>Every organisation (one partition, read page by page).</summary>
    public async IAsyncEnumerable<Loaded<Organisation>> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            yield return new Loaded<Organisation>(FromEntity(entity), entity.ETag);
        }
    }

    /// <summary>The organisations directly below <paramref name="parentId"/>: one query of the partition.</summary>
    public async Task<IReadOnlyList<Organisation>> ListChildrenAsync(string parentId, CancellationToken cancellationToken = default)
    {
        StateKeys.Id(parentId, nameof(parentId));
        var table = await tables.GetAsync(TableName, cancellationToken);
        List<Organisation> children = [];
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and ParentId eq {parentId}"), cancellationToken: cancellationToken))
        {
            children.Add(FromEntity(entity));
        }

        return children;
    }

    internal async Task<StoredOrganisation?> GetStoredAsync(string organisationId, CancellationToken cancellationToken)
    {
        StateKeys.Id(organisationId, nameof(organisationId));
        var table = await tables.GetAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, organisationId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity
            ? new StoredOrganisation(FromEntity(entity), entity.GetString("Path")!, entity.ETag) { Tail = PendingTails.Read(TableName, entity) }
            : null;
    }

    /// <summary>Where the row of <paramref name="organisationId"/> is.</summary>
    public static RowReference Row(string organisationId) => new(TableName, Partition, StateKeys.Id(organisationId, nameof(organisationId)));

    private static TableEntity ToEntity(Organisation organisation, string path, string? tail)
    {
        var entity = ToEntity(organisation, path);
        if (tail is not null)
        {
            PendingTails.Write(entity, tail);
        }

        return entity;
    }

    private static TableEntity ToEntity(Organisation organisation, string path) => new(Partition, organisation.Id)
    {
        ["Name"] = organisation.Name,
        ["Code"] = organisation.Code.Value,
        ["Type"] = organisation.Type.ToString(),
        ["ParentId"] = organisation.ParentId,
        ["Term"] = StateKeys.FormatTerm(organisation.CurrentTerm),
        ["Path"] = path,
        ["Members"] = StateJson.Serialize(organisation.Committee.Members),
        ["OfficeEmail"] = organisation.OfficeEmail,
        ["CommitteeName"] = organisation.HasOwnCommitteeName ? organisation.CommitteeName : null,
        ["QualityThresholds"] = organisation.QualityThresholds is { } thresholds ? StateJson.Serialize(thresholds) : null,
    };

    private static Organisation FromEntity(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("Name")!,
        OrganisationCode.Parse(entity.GetString("Code")!),
        Enum.Parse<OrganisationType>(entity.GetString("Type")!),
        entity.GetString("ParentId"),
        StateKeys.ParseTerm(entity.GetString("Term")!),
        new StandingCommittee(StateJson.Deserialize<List<CommitteeMember>>(entity.GetString("Members")!)))
    {
        OfficeEmail = entity.GetString("OfficeEmail"),
        CommitteeName = entity.GetString("CommitteeName"),
        QualityThresholds = entity.GetString("QualityThresholds") is { } thresholds ? StateJson.Deserialize<QualityThresholds>(thresholds) : null,
    };

    internal sealed record StoredOrganisation(Organisation Organisation, string Path, ETag ETag)
    {
        public PendingTail? Tail { get; init; }
    }
}
