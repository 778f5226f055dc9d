using System.Net;
using QuyCheWorkflow.Storage.Queues;
using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class StoragePipelineTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(null)]
    public async Task SendAsync_TransientFailuresOnIdempotentWrite_RetriedUntilSuccess(HttpStatusCode? fault)
    {
        var faults = new FaultInjectingHandler("Table.UpsertReplace", failures: 2, fault);
        var table = await NewTableAsync(faults);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["N"] = 1 }, TableUpdateMode.Replace, _ct);

        Assert.Equal(3, faults.Attempts);
        Assert.Equal(1, (await table.GetEntityAsync("p", "r", cancellationToken: _ct)).GetInt32("N"));
    }

    [Fact]
    public async Task SendAsync_ServerErrorOnInsert_NotRetriedAndTransient()
    {
        var faults = new FaultInjectingHandler("Table.InsertEntity", failures: 1, HttpStatusCode.ServiceUnavailable);
        var table = await NewTableAsync(faults);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r"), _ct));

        Assert.Equal(1, faults.Attempts);
        Assert.Equal(503, failure.Status);
        Assert.True(failure.IsTransient);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: _ct));
    }

    [Fact]
    public async Task SendAsync_ConnectionRefusedOnInsert_RetriedBecauseNeverSent()
    {
        var faults = new FaultInjectingHandler("Table.InsertEntity", failures: 1, status: null);
        var table = await NewTableAsync(faults);

        await table.AddEntityAsync(new TableEntity("p", "r"), _ct);

        Assert.Equal(2, faults.Attempts);
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: _ct));
    }

    [Fact]
    public async Task SendAsync_ServerErrorOnQueueSend_NotRetried()
    {
        var faults = new FaultInjectingHandler("Queue.PutMessage", failures: 1, HttpStatusCode.InternalServerError);
        var options = FastRetries(faults);
        var queue = new QueueServiceClient(StorageConnection.Parse(fixture.ConnectionString), options).GetQueueClient(UniqueName.Queue());
        await queue.CreateIfNotExistsAsync(_ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.SendMessageAsync("x", cancellationToken: _ct));

        Assert.Equal(500, failure.Status);
        Assert.Equal(1, faults.Attempts);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync(_ct));
    }

    [Fact]
    public async Task SendAsync_RetryDisabled_FailsOnFirstTransientError()
    {
        var faults = new FaultInjectingHandler("Table.GetEntity", failures: 1, HttpStatusCode.ServiceUnavailable);
        var options = FastRetries(faults);
        options.Retry = false;
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString), options).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.GetEntityIfExistsAsync("p", "r", cancellationToken: _ct));

        Assert.Equal(503, failure.Status);
        Assert.Equal(1, faults.Attempts);
    }

    [Fact]
    public async Task SendAsync_PersistentFailure_GivesUpAfterMaxAttempts()
    {
        var faults = new FaultInjectingHandler("Table.GetEntity", failures: int.MaxValue, HttpStatusCode.BadGateway);
        var table = await NewTableAsync(faults);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.GetEntityIfExistsAsync("p", "r", cancellationToken: _ct));

        Assert.Equal(502, failure.Status);
        Assert.Equal(4, faults.Attempts);
    }

    [Fact]
    public async Task SendAsync_NothingListening_SurfacesTransientStatusZero()
    {
        var port = FreePort.Next();
        var connection = StorageConnection.Parse(
            $"AccountName={AzuriteInstance.AccountName};AccountKey={AzuriteInstance.AccountKey};TableEndpoint=http://127.0.0.1:{port}/{AzuriteInstance.AccountName}");
        var counter = new StorageRequestCounter();
        var table = new TableServiceClient(connection, FastRetries(counter)).GetTableClient("absent");

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r"), _ct));

        Assert.Equal(0, failure.Status);
        Assert.True(failure.IsTransient);
        Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.Equal(4, counter.Count("Table.InsertEntity"));
    }

    [Fact]
    public async Task SendAsync_CancelledToken_ThrowsOperationCanceled()
    {
        var table = await NewTableAsync(new StorageRequestCounter());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => table.GetEntityIfExistsAsync("p", "r", cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task SendAsync_AttemptExceedsPerTryTimeout_RetriedForReads()
    {
        var slow = new StallingHandler("Table.GetEntity", stalls: 1);
        var options = FastRetries(slow);
        options.PerTryTimeout = TimeSpan.FromMilliseconds(300);
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString), options).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);

        var entity = await table.GetEntityIfExistsAsync("p", "r", cancellationToken: _ct);

        Assert.Null(entity);
        Assert.Equal(2, slow.Attempts);
    }

    [Fact]
    public async Task SendAsync_AttemptExceedsPerTryTimeoutOnInsert_NotRetriedAndTransient()
    {
        var slow = new StallingHandler("Table.InsertEntity", stalls: 1);
        var options = FastRetries(slow);
        options.PerTryTimeout = TimeSpan.FromMilliseconds(300);
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString), options).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r"), _ct));

        Assert.Equal(0, failure.Status);
        Assert.True(failure.IsTransient);
        Assert.Equal(1, slow.Attempts);
    }

    [Fact]
    public async Task SendAsync_Retried_LogsOperationButNoSecrets()
    {
        var logs = new CapturingLoggerFactory();
        var faults = new FaultInjectingHandler("Table.GetEntity", failures: 1, HttpStatusCode.ServiceUnavailable);
        var options = FastRetries(faults);
        options.LoggerFactory = logs;
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString), options).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);

        await table.GetEntityIfExistsAsync("p", "r", cancellationToken: _ct);

        Assert.Contains(logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("Table.GetEntity", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(AzuriteInstance.AccountKey, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("SharedKey", StringComparison.Ordinal));
    }

    private static StorageClientOptions FastRetries(DelegatingHandler handler) => new()
    {
        MaxRetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        Handlers = { handler },
    };

    /// <summary>Holds the first <c>stalls</c> attempts of one operation until they are cancelled.</summary>
    private sealed class StallingHandler(string operation, int stalls) : DelegatingHandler
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Options.TryGetValue(StorageRequestCounter.OperationKey, out var name) && name == operation &&
                Interlocked.Increment(ref _attempts) <= stalls)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private async Task<TableClient> NewTableAsync(DelegatingHandler handler)
    {
        var table = new TableServiceClient(StorageConnection.Parse(fixture.ConnectionString), FastRetries(handler)).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        return table;
    }
}
