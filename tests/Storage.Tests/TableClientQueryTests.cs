using System.Globalization;
using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class TableClientQueryTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueryAsync_MoreThanOneThousandEntities_FollowsContinuations()
    {
        var table = await NewTableAsync();
        const int count = 1_150;
        for (var batch = 0; batch < count / 50; batch++)
        {
            var actions = Enumerable.Range(batch * 50, 50)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", i.ToString("D5", CultureInfo.InvariantCulture)) { ["I"] = i }));
            await table.SubmitTransactionAsync(actions, _ct);
        }

        var all = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"p"}"), cancellationToken: _ct).ToListAsync(_ct);
        var pages = await table.QueryPagesAsync(maxPerPage: 500, cancellationToken: _ct).ToListAsync(_ct);

        Assert.Equal(count, all.Count);
        Assert.Equal(Enumerable.Range(0, count), all.Select(e => e.GetInt32("I")!.Value));
        Assert.All(all, e => Assert.False(e.ETag.IsEmpty));
        Assert.Equal(3, pages.Count);
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(count, pages.Sum(p => p.Values.Count));
    }

    [Fact]
    public async Task QueryPagesAsync_ResumedFromToken_ContinuesWhereItStopped()
    {
        var table = await NewTableAsync();
        foreach (var key in new[] { "a", "b", "c", "d", "e" })
        {
            await table.AddEntityAsync(new TableEntity("p", key), _ct);
        }

        var first = await table.QueryPagesAsync(maxPerPage: 2, cancellationToken: _ct).FirstAsync(_ct);
        var rest = await table.QueryAsync(null, null, 2, _ct).ToListAsync(_ct);
        var resumed = await table.QueryPagesAsync(maxPerPage: 2, continuationToken: first.ContinuationToken, cancellationToken: _ct)
            .SelectMany(p => p.Values.ToAsyncEnumerable()).ToListAsync(_ct);

        Assert.Equal(["a", "b"], first.Values.Select(e => e.RowKey));
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(["c", "d", "e"], resumed.Select(e => e.RowKey));
        Assert.Equal(5, rest.Count);
    }

    [Fact]
    public async Task QueryAsync_WithSelect_ReturnsOnlySelectedProperties()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, _ct);

        var entity = Assert.Single(await table.QueryAsync(select: ["RowKey", "A"], cancellationToken: _ct).ToListAsync(_ct));

        Assert.Equal("r", entity.RowKey);
        Assert.Equal("a", entity.GetString("A"));
        Assert.False(entity.ContainsKey("B"));
    }

    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        return table;
    }
}
