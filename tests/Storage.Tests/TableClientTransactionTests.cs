using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class TableClientTransactionTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitTransactionAsync_MixedActions_AppliesAllAndReturnsETags()
    {
        var table = await NewTableAsync();
        var existing = new TableEntity("p", "existing") { ["N"] = 1 };
        var etag = await table.AddEntityAsync(existing, _ct);
        await table.AddEntityAsync(new TableEntity("p", "doomed"), _ct);
        existing["N"] = 2;

        var etags = await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "new") { ["N"] = 1 }),
                new(TableTransactionActionType.UpdateReplace, existing, etag),
                new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upserted") { ["N"] = 3 }),
                new(TableTransactionActionType.Delete, new TableEntity("p", "doomed")),
            ],
            _ct);

        Assert.Equal(4, etags.Count);
        Assert.False(etags[0].IsEmpty);
        Assert.Equal((await table.GetEntityAsync("p", "existing", cancellationToken: _ct)).ETag, etags[1]);
        Assert.Equal(2, (await table.GetEntityAsync("p", "existing", cancellationToken: _ct)).GetInt32("N"));
        Assert.Equal(3, (await table.GetEntityAsync("p", "upserted", cancellationToken: _ct)).GetInt32("N"));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "doomed", cancellationToken: _ct));
    }

    [Fact]
    public async Task SubmitTransactionAsync_OneDuplicateInsert_RollsBackAllAndReportsIndex()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "taken"), _ct);

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "fresh")),
                new(TableTransactionActionType.Add, new TableEntity("p", "taken")),
                new(TableTransactionActionType.Add, new TableEntity("p", "fresh2")),
            ],
            _ct));

        Assert.Equal(409, failure.Status);
        Assert.Equal("EntityAlreadyExists", failure.ErrorCode);
        Assert.Equal(1, failure.FailedTransactionActionIndex);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "fresh", cancellationToken: _ct));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "fresh2", cancellationToken: _ct));
    }

    [Fact]
    public async Task SubmitTransactionAsync_StaleETag_Fails412AndRollsBack()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["N"] = 1 };
        var stale = await table.AddEntityAsync(entity, _ct);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, _ct);

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "other")),
                new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "r") { ["N"] = 5 }, stale),
            ],
            _ct));

        Assert.Equal(412, failure.Status);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "other", cancellationToken: _ct));
        Assert.Equal(1, (await table.GetEntityAsync("p", "r", cancellationToken: _ct)).GetInt32("N"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_MissingTable_ThrowsTransactionFailed404()
    {
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetTableClient(UniqueName.Table());

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(
            () => table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "r"))], _ct));

        Assert.Equal(404, failure.Status);
        Assert.Equal("TableNotFound", failure.ErrorCode);
    }

    [Fact]
    public async Task SubmitTransactionAsync_MixedPartitions_RejectedClientSide()
    {
        var table = await NewTableAsync();

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p1", "r")),
                new(TableTransactionActionType.Add, new TableEntity("p2", "r")),
            ],
            _ct));

        Assert.Contains("one partition key", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync(cancellationToken: _ct).ToListAsync(_ct));
    }

    [Fact]
    public async Task SubmitTransactionAsync_MoreThanOneHundredOrEmptyOrDuplicateRow_RejectedClientSide()
    {
        var table = await NewTableAsync();
        var tooMany = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")));
        var duplicate = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "r")),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "r")),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(tooMany, _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([], _ct));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(duplicate, _ct));
    }

    [Fact]
    public async Task SubmitTransactionAsync_OneHundredActions_Succeeds()
    {
        var table = await NewTableAsync();
        var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", $"r{i:D3}") { ["I"] = i }));

        var etags = await table.SubmitTransactionAsync(actions, _ct);

        Assert.Equal(100, etags.Count);
        Assert.Equal(100, (await table.QueryAsync(cancellationToken: _ct).ToListAsync(_ct)).Count);
    }

    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        return table;
    }
}
