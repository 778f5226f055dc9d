using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class TableClientTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_CreatesOnce()
    {
        var table = NewTableClient();

        var first = await table.CreateIfNotExistsAsync(_ct);
        var second = await table.CreateIfNotExistsAsync(_ct);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task AddEntityAsync_ThenGet_RoundTripsPropertiesAndETag()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p1", "r1") { ["Title"] = "Quy chế làm việc", ["Version"] = 3 };

        var etag = await table.AddEntityAsync(entity, _ct);
        var read = await table.GetEntityAsync("p1", "r1", cancellationToken: _ct);

        Assert.False(etag.IsEmpty);
        Assert.Equal(etag, read.ETag);
        Assert.Equal("Quy chế làm việc", read.GetString("Title"));
        Assert.Equal(3, read.GetInt32("Version"));
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task AddEntityAsync_Duplicate_Throws409EntityAlreadyExists()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"), _ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r"), _ct));

        Assert.Equal(409, failure.Status);
        Assert.Equal("EntityAlreadyExists", failure.ErrorCode);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task UpdateEntityAsync_StaleETag_Throws412()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["N"] = 1 };
        var stale = await table.AddEntityAsync(entity, _ct);
        entity["N"] = 2;
        await table.UpdateEntityAsync(entity, stale, TableUpdateMode.Replace, _ct);
        entity["N"] = 3;

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.UpdateEntityAsync(entity, stale, TableUpdateMode.Replace, _ct));

        Assert.Equal(412, failure.Status);
        Assert.Equal("UpdateConditionNotSatisfied", failure.ErrorCode);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r", cancellationToken: _ct)).GetInt32("N"));
    }

    [Fact]
    public async Task UpdateEntityAsync_CurrentETag_ReturnsNewETag()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["N"] = 1 };
        var first = await table.AddEntityAsync(entity, _ct);
        entity["N"] = 2;

        var second = await table.UpdateEntityAsync(entity, first, TableUpdateMode.Merge, _ct);

        Assert.NotEqual(first, second);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r", cancellationToken: _ct)).GetInt32("N"));
    }

    [Fact]
    public async Task UpdateEntityAsync_Missing_Throws404()
    {
        var table = await NewTableAsync();

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "missing"), ETag.All, TableUpdateMode.Replace, _ct));

        Assert.Equal(404, failure.Status);
    }

    [Fact]
    public async Task UpsertEntityAsync_Merge_KeepsOtherProperties()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, TableUpdateMode.Replace, _ct);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Merge, _ct);

        var read = await table.GetEntityAsync("p", "r", cancellationToken: _ct);
        Assert.Equal("a", read.GetString("A"));
        Assert.Equal("b2", read.GetString("B"));
    }

    [Fact]
    public async Task UpsertEntityAsync_Replace_DropsOtherProperties()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, TableUpdateMode.Replace, _ct);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Replace, _ct);

        var read = await table.GetEntityAsync("p", "r", cancellationToken: _ct);
        Assert.Null(read.GetString("A"));
        Assert.Equal("b2", read.GetString("B"));
    }

    [Fact]
    public async Task DeleteEntityAsync_StaleETag_Throws412AndKeepsEntity()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["N"] = 1 };
        var stale = await table.AddEntityAsync(entity, _ct);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, _ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale, _ct));

        Assert.Equal(412, failure.Status);
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: _ct));
    }

    [Fact]
    public async Task DeleteEntityAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r"), _ct);

        var first = await table.DeleteEntityAsync("p", "r", etag, _ct);
        var second = await table.DeleteEntityAsync("p", "r", cancellationToken: _ct);

        Assert.True(first);
        Assert.False(second);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: _ct));
    }

    [Fact]
    public async Task GetEntityAsync_Missing_Throws404ResourceNotFound()
    {
        var table = await NewTableAsync();

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.GetEntityAsync("p", "nope", cancellationToken: _ct));

        Assert.Equal(404, failure.Status);
        Assert.Equal("ResourceNotFound", failure.ErrorCode);
    }

    [Fact]
    public async Task GetEntityAsync_KeysWithQuotesAndUnicode_RoundTrips()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("Đảng ủy 'xã'", "a b&c=d+e%f") { ["V"] = "x" };
        await table.AddEntityAsync(entity, _ct);

        var read = await table.GetEntityAsync(entity.PartitionKey, entity.RowKey, cancellationToken: _ct);

        Assert.Equal(entity.PartitionKey, read.PartitionKey);
        Assert.Equal(entity.RowKey, read.RowKey);
    }

    [Fact]
    public async Task GetEntityAsync_WithSelect_ReturnsOnlySelectedProperties()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, _ct);

        var read = await table.GetEntityAsync("p", "r", ["A"], _ct);

        Assert.Equal("a", read.GetString("A"));
        Assert.False(read.ContainsKey("B"));
    }

    [Fact]
    public async Task DeleteAsync_Table_RemovesItAndIsNoOpWhenMissing()
    {
        var table = await NewTableAsync();

        var first = await table.DeleteAsync(_ct);
        var second = await table.DeleteAsync(_ct);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public void Constructor_InvalidName_Throws()
    {
        var service = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString));

        Assert.Throws<ArgumentException>(() => service.GetTableClient("1bad"));
        Assert.Throws<ArgumentException>(() => service.GetTableClient("has-hyphen"));
    }

    [Fact]
    public async Task AddEntityAsync_KeyWithSlash_RejectedClientSide()
    {
        var table = NewTableClient();

        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "a/b"), _ct));
    }

    private TableClient NewTableClient() =>
        new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetTableClient(UniqueName.Table());

    private async Task<TableClient> NewTableAsync()
    {
        var table = NewTableClient();
        await table.CreateIfNotExistsAsync(_ct);
        return table;
    }
}
