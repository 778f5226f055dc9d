using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

public sealed class StorageRetryPolicyTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Fault.ServiceUnavailableAfterDelivery)]
    [InlineData(Fault.AnswerLostAfterDelivery)]
    public async Task AddEntity_FailedAfterReachingService_NotResentAndOneRowStored(Fault fault)
    {
        var tableName = UniqueName.Table();
        var handler = new FaultHandler(r => FaultHandler.IsPost(r, tableName), fault);
        var table = await CreateTableAsync(tableName, handler);

        await Assert.ThrowsAnyAsync<Exception>(() => table.AddEntityAsync(new TableEntity("p", "r"), _ct));

        Assert.Equal(1, handler.Attempts);
        Assert.Single(await RowsAsync(tableName));
    }

    [Theory]
    [InlineData(Fault.ServiceUnavailableAfterDelivery)]
    [InlineData(Fault.AnswerLostAfterDelivery)]
    public async Task SubmitTransaction_FailedAfterReachingService_NotResentAndEachRowStoredOnce(Fault fault)
    {
        var tableName = UniqueName.Table();
        var handler = new FaultHandler(r => FaultHandler.IsPost(r, "$batch"), fault);
        var table = await CreateTableAsync(tableName, handler);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "1")),
            new(TableTransactionActionType.Add, new TableEntity("p", "2")),
        ];

        await Assert.ThrowsAnyAsync<Exception>(() => table.SubmitValidatedTransactionAsync(actions, _ct));

        Assert.Equal(1, handler.Attempts);
        Assert.Equal(["1", "2"], (await RowsAsync(tableName)).Select(e => e.RowKey).Order());
    }

    [Theory]
    [InlineData(Fault.ServiceUnavailableAfterDelivery)]
    [InlineData(Fault.AnswerLostAfterDelivery)]
    public async Task SendMessage_FailedAfterReachingService_NotResentAndOneMessageQueued(Fault fault)
    {
        var handler = new FaultHandler(r => FaultHandler.IsPost(r, "messages"), fault);
        var queue = fixture.Azurite.CreateQueueServiceClient(handler.Options()).GetQueueClient(UniqueName.Queue());
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);

        await Assert.ThrowsAnyAsync<Exception>(() => queue.SendMessageAsync("once", _ct));

        Assert.Equal(1, handler.Attempts);
        var peeked = await Plain().GetQueueClient(queue.Name).PeekMessagesAsync(32, _ct);
        Assert.Equal(["once"], peeked.Value.Select(m => m.Body.ToString()));
    }

    [Fact]
    public async Task UpdateMessage_ServiceUnavailableAfterDelivery_NotResentWithTheVoidedReceipt()
    {
        var handler = new FaultHandler(r => r.Method == HttpMethod.Put && r.RequestUri!.Query.Contains("popreceipt", StringComparison.Ordinal), Fault.ServiceUnavailableAfterDelivery);
        var queue = fixture.Azurite.CreateQueueServiceClient(handler.Options()).GetQueueClient(UniqueName.Queue());
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        await queue.SendMessageAsync("m", _ct);
        var received = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(5), _ct)).Value;

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() =>
            queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: _ct));

        Assert.Equal(503, failure.Status);
        Assert.Equal(1, handler.Attempts);
        Assert.Single((await Plain().GetQueueClient(queue.Name).PeekMessagesAsync(32, _ct)).Value);
    }

    [Fact]
    public async Task AddEntity_ConnectionRefused_ResentAndStoredOnce()
    {
        var tableName = UniqueName.Table();
        var handler = new FaultHandler(r => FaultHandler.IsPost(r, tableName), Fault.ConnectionRefused);
        var table = await CreateTableAsync(tableName, handler);

        await table.AddEntityAsync(new TableEntity("p", "r"), _ct);

        Assert.Equal(2, handler.Attempts);
        Assert.Single(await RowsAsync(tableName));
    }

    [Theory]
    [InlineData(Fault.ServiceUnavailableAfterDelivery)]
    [InlineData(Fault.AnswerLostAfterDelivery)]
    public async Task GetEntity_FailedOnce_Resent(Fault fault)
    {
        var tableName = UniqueName.Table();
        var handler = new FaultHandler(r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath.Contains("PartitionKey", StringComparison.Ordinal), fault);
        var table = await CreateTableAsync(tableName, handler);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 7 }, _ct);

        var entity = await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: _ct);

        Assert.Equal(2, handler.Attempts);
        Assert.Equal(7, entity.Value.GetInt32("V"));
    }

    [Fact]
    public async Task UpdateEntity_ServiceUnavailableOnce_ResentWithItsCondition()
    {
        var tableName = UniqueName.Table();
        var handler = new FaultHandler(r => r.Method == HttpMethod.Put, Fault.ServiceUnavailableAfterDelivery);
        var table = await CreateTableAsync(tableName, handler);
        var added = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, _ct);

        // The first attempt was carried out, so the resent If-Match no longer holds: the caller learns it as a 412.
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.UpdateEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, added.Headers.ETag!.Value, TableUpdateMode.Replace, _ct));

        Assert.Equal(2, handler.Attempts);
        Assert.True(StorageFailure.IsPreconditionFailed(failure));
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: _ct)).Value.GetInt32("V"));
    }

    [Fact]
    public async Task UpsertEntity_AnswerLostOnce_ResentAndSucceeds()
    {
        var tableName = UniqueName.Table();
        var handler = new FaultHandler(r => r.Method == HttpMethod.Put, Fault.AnswerLostAfterDelivery);
        var table = await CreateTableAsync(tableName, handler);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 3 }, TableUpdateMode.Replace, _ct);

        Assert.Equal(2, handler.Attempts);
        Assert.Single(await RowsAsync(tableName));
    }

    [Fact]
    public async Task GetEntity_AnswerLostEveryTime_ThrowsAggregateAfterMaxRetries()
    {
        var tableName = UniqueName.Table();
        var handler = new FaultHandler(r => r.Method == HttpMethod.Get, Fault.AnswerLostAfterDelivery, failures: int.MaxValue);
        var table = await CreateTableAsync(tableName, handler);

        var failure = await Assert.ThrowsAsync<AggregateException>(() => table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: _ct));

        Assert.Equal(1 + TestStorageOptions.Create().MaxRetries, handler.Attempts);
        Assert.True(StorageFailure.IsTransient(failure));
        Assert.Null(StorageFailure.StatusOf(failure));
    }

    private async Task<TableClient> CreateTableAsync(string tableName, FaultHandler handler)
    {
        var table = fixture.Azurite.CreateTableServiceClient(handler.Options()).GetTableClient(tableName);
        await table.CreateIfNotExistsAsync(_ct);
        return table;
    }

    private async Task<List<TableEntity>> RowsAsync(string tableName) =>
        await fixture.Azurite.CreateTableServiceClient().GetTableClient(tableName).QueryAsync<TableEntity>(cancellationToken: _ct).ToListAsync(_ct);

    private QueueServiceClient Plain() => fixture.Azurite.CreateQueueServiceClient();
}
