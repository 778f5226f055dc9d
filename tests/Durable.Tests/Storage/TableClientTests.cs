using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

/// <summary>What the app and the engine rely on from the SDK's table client built with <see cref="StorageOptions"/>.</summary>
public sealed class TableClientTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueryAsPages_ResumedFromToken_ContinuesWhereItStopped()
    {
        var table = await NewTableAsync();
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            await table.AddEntityAsync(new TableEntity("p", key), _ct);
        }

        var first = await table.QueryAsync<TableEntity>(maxPerPage: 2, cancellationToken: _ct).AsPages(pageSizeHint: 2).FirstAsync(_ct);
        var resumed = await table.QueryAsync<TableEntity>(maxPerPage: 2, cancellationToken: _ct).AsPages(first.ContinuationToken, 2)
            .SelectMany(p => p.Values.ToAsyncEnumerable()).ToListAsync(_ct);

        Assert.Equal(["a", "b"], first.Values.Select(e => e.RowKey));
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(["c", "d", "e"], resumed.Select(e => e.RowKey));
    }

    [Fact]
    public async Task SubmitValidatedTransaction_ReplaceUnderIfMatch_AnswersTheNewETag()
    {
        var table = await NewTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("p", "sentinel") { ["NextRow"] = 0 }, _ct);

        var responses = await table.SubmitValidatedTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "row-0")),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "sentinel") { ["NextRow"] = 1 }, added.Headers.ETag!.Value),
        ], _ct);
        var stored = await table.GetEntityAsync<TableEntity>("p", "sentinel", cancellationToken: _ct);

        Assert.Equal(stored.Value.ETag, responses.Value[^1].Headers.ETag);
        Assert.NotEqual(added.Headers.ETag, responses.Value[^1].Headers.ETag);
    }

    [Fact]
    public async Task SubmitValidatedTransaction_StaleIfMatch_PreconditionFailedAndNothingWritten()
    {
        var table = await NewTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("p", "sentinel"), _ct);
        await table.UpsertEntityAsync(new TableEntity("p", "sentinel") { ["V"] = 1 }, TableUpdateMode.Replace, _ct);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => table.SubmitValidatedTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "row-0")),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "sentinel"), added.Headers.ETag!.Value),
        ], _ct));

        Assert.True(StorageFailure.IsPreconditionFailed(failure));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "row-0", cancellationToken: _ct)).HasValue);
    }

    [Fact]
    public async Task GetEntityIfExists_SelectOnMissingAndPresent_NullOrOnlySelected()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", string.Empty) { ["A"] = "a", ["B"] = "b" }, _ct);

        var missing = await table.GetEntityIfExistsAsync<TableEntity>("q", string.Empty, cancellationToken: _ct);
        var present = await table.GetEntityIfExistsAsync<TableEntity>("p", string.Empty, ["A"], _ct);

        Assert.False(missing.HasValue);
        Assert.Equal("a", present.Value!.GetString("A"));
        Assert.False(present.Value.ContainsKey("B"));
    }

    [Fact]
    public async Task CreateQueryFilter_QuotesInValue_MatchesOnlyTheExactValue()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("o'neil", "1"), _ct);
        await table.AddEntityAsync(new TableEntity("other", "2"), _ct);

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"o'neil"}");
        var injected = TableClient.CreateQueryFilter($"PartitionKey eq {"x' or PartitionKey ne 'x"}");

        Assert.Equal(["1"], await table.QueryAsync<TableEntity>(filter, cancellationToken: _ct).Select(e => e.RowKey).ToListAsync(_ct));
        Assert.Empty(await table.QueryAsync<TableEntity>(injected, cancellationToken: _ct).ToListAsync(_ct));
    }

    private async Task<TableClient> NewTableAsync()
    {
        var table = fixture.Azurite.CreateTableServiceClient().GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        return table;
    }
}
