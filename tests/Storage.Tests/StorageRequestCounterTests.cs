using QuyCheWorkflow.Storage.Queues;
using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class StorageRequestCounterTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendAsync_SharedAcrossServices_CountsEachOperation()
    {
        var counter = new StorageRequestCounter();
        var options = new StorageClientOptions { Handlers = { counter } };
        var connection = StorageConnection.Parse(fixture.ConnectionString);
        var table = new TableServiceClient(connection, options).GetTableClient(UniqueName.Table());
        var queue = new QueueServiceClient(connection, options).GetQueueClient(UniqueName.Queue());
        await table.CreateIfNotExistsAsync(_ct);
        await queue.CreateIfNotExistsAsync(_ct);

        await table.AddEntityAsync(new TableEntity("p", "1"), _ct);
        await table.AddEntityAsync(new TableEntity("p", "2"), _ct);
        await table.GetEntityAsync("p", "1", cancellationToken: _ct);
        await queue.SendMessageAsync("m", cancellationToken: _ct);

        Assert.Equal(2, counter.Count("Table.InsertEntity"));
        Assert.Equal(1, counter.Count("Table.GetEntity"));
        Assert.Equal(1, counter.Count("Queue.PutMessage"));
        Assert.Equal(6, counter.Total);
        Assert.Equal(counter.Total, counter.Snapshot().Values.Sum());
    }

    [Fact]
    public void Reset_AfterCounting_StartsFromZero()
    {
        var counter = new StorageRequestCounter();

        counter.Reset();

        Assert.Equal(0, counter.Total);
        Assert.Empty(counter.Snapshot());
    }
}
