using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Specialized;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

public sealed class StorageRequestCounterTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnSendingRequest_TableOperations_CountedByOperation()
    {
        var counter = new StorageRequestCounter();
        var table = fixture.Azurite.CreateTableServiceClient(Counted(counter)).GetTableClient(UniqueName.Table());

        await table.CreateIfNotExistsAsync(_ct);
        await table.AddEntityAsync(new TableEntity("p", "1"), _ct);
        await table.AddEntityAsync(new TableEntity("p", "2"), _ct);
        await table.GetEntityAsync<TableEntity>("p", "1", cancellationToken: _ct);
        await table.QueryAsync<TableEntity>(e => e.PartitionKey == "p", cancellationToken: _ct).ToListAsync(_ct);
        await table.UpdateEntityAsync(new TableEntity("p", "1"), ETag.All, TableUpdateMode.Replace, _ct);
        await table.UpdateEntityAsync(new TableEntity("p", "1"), ETag.All, TableUpdateMode.Merge, _ct);
        await table.DeleteEntityAsync("p", "2", cancellationToken: _ct);
        await table.SubmitValidatedTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "3"))], _ct);

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["create"] = 1, ["table.insert"] = 2, ["table.get"] = 1, ["table.query"] = 1, ["table.update"] = 1,
                ["table.merge"] = 1, ["table.delete"] = 1, ["table.batch"] = 1,
            },
            counter.Snapshot());
        Assert.Equal(9, counter.Total);
    }

    [Fact]
    public async Task OnSendingRequest_QueueOperations_CountedByOperation()
    {
        var counter = new StorageRequestCounter();
        var queue = fixture.Azurite.CreateQueueServiceClient(Counted(counter)).GetQueueClient(UniqueName.Queue());

        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        await queue.SendMessageAsync("m", _ct);
        await queue.PeekMessagesAsync(1, _ct);
        var received = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1), _ct)).Value;
        var updated = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.FromMinutes(1), cancellationToken: _ct);
        await queue.DeleteMessageAsync(received.MessageId, updated.Value.PopReceipt, _ct);

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["create"] = 1, ["queue.put"] = 1, ["queue.peek"] = 1, ["queue.get"] = 1, ["queue.update"] = 1, ["queue.delete"] = 1,
            },
            counter.Snapshot());
    }

    [Fact]
    public async Task OnSendingRequest_BlobOperations_CountedByOperation()
    {
        var counter = new StorageRequestCounter();
        var container = fixture.Azurite.CreateBlobServiceClient(Counted(counter)).GetBlobContainerClient(UniqueName.Container());

        await container.CreateIfNotExistsAsync(cancellationToken: _ct);
        var blob = container.GetBlobClient("b");
        await blob.UploadAsync(BinaryData.FromString("x"), _ct);
        await blob.DownloadContentAsync(_ct);
        await container.GetBlobsAsync(cancellationToken: _ct).ToListAsync(_ct);
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(15), cancellationToken: _ct);
        await lease.ReleaseAsync(cancellationToken: _ct);
        await blob.DeleteAsync(cancellationToken: _ct);

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["create"] = 1, ["blob.put"] = 1, ["blob.get"] = 1, ["blob.list"] = 1, ["blob.lease"] = 2, ["blob.delete"] = 1,
            },
            counter.Snapshot());
    }

    [Fact]
    public async Task OnSendingRequest_AttemptRetried_CountsEachAttempt()
    {
        var counter = new StorageRequestCounter();
        var handler = new FaultHandler(r => r.Method == HttpMethod.Get, Fault.ServiceUnavailableAfterDelivery);
        var table = fixture.Azurite.CreateTableServiceClient(handler.Options(counter)).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        await table.AddEntityAsync(new TableEntity("p", "r"), _ct);
        counter.Reset();

        await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: _ct);

        Assert.Equal(2, counter.Count("table.get"));
        Assert.Equal(2, counter.Total);
    }

    [Fact]
    public void Reset_AfterCounting_StartsFromZero()
    {
        var counter = new StorageRequestCounter();
        using var message = new Azure.Core.Pipeline.HttpPipeline(new Azure.Core.Pipeline.HttpClientTransport()).CreateMessage();
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:10002/devstoreaccount1/t1"));
        message.Request.Method = Azure.Core.RequestMethod.Post;
        counter.OnSendingRequest(message);

        counter.Reset();

        Assert.Equal(0, counter.Total);
        Assert.Empty(counter.Snapshot());
    }

    private static StorageOptions Counted(StorageRequestCounter counter)
    {
        var options = TestStorageOptions.Create();
        options.PerRetryPolicies.Add(counter);
        return options;
    }
}
