using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

public sealed class StorageFailureTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task IsNotFound_MissingEntity_True()
    {
        var table = await NewTableAsync();

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "missing", cancellationToken: _ct));

        Assert.True(StorageFailure.IsNotFound(failure));
        Assert.Equal(404, StorageFailure.StatusOf(failure));
        Assert.False(StorageFailure.IsTransient(failure));
        Assert.False(StorageFailure.IsConflict(failure));
    }

    [Fact]
    public async Task IsConflict_DuplicateInsert_True()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"), _ct);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r"), _ct));

        Assert.True(StorageFailure.IsConflict(failure));
        Assert.Equal("EntityAlreadyExists", StorageFailure.ErrorCodeOf(failure));
        Assert.False(StorageFailure.IsTransient(failure));
    }

    [Fact]
    public async Task IsConflict_DuplicateInsertInTransaction_True()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "2"), _ct);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "1")),
            new(TableTransactionActionType.Add, new TableEntity("p", "2")),
        ];

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitValidatedTransactionAsync(actions, _ct));

        Assert.True(StorageFailure.IsConflict(failure));
        Assert.Equal(1, failure.FailedTransactionActionIndex);
    }

    [Fact]
    public async Task IsPreconditionFailed_StaleETag_True()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r"), _ct);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, TableUpdateMode.Replace, _ct);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.UpdateEntityAsync(new TableEntity("p", "r"), first.Headers.ETag!.Value, TableUpdateMode.Replace, _ct));

        Assert.True(StorageFailure.IsPreconditionFailed(failure));
        Assert.Equal(412, StorageFailure.StatusOf(failure));
    }

    [Fact]
    public async Task IsTransient_ServiceUnavailableOnEveryTry_True()
    {
        var handler = new FaultHandler(r => r.Method == HttpMethod.Get, Fault.ServiceUnavailableAfterDelivery, failures: int.MaxValue);
        var table = fixture.Azurite.CreateTableServiceClient(handler.Options()).GetTableClient(UniqueName.Table());

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: _ct));

        Assert.Equal(503, StorageFailure.StatusOf(failure));
        Assert.True(StorageFailure.IsTransient(failure));
        Assert.False(StorageFailure.IsNotFound(failure));
    }

    [Fact]
    public async Task IsTransient_NetworkTimeout_True()
    {
        using var stall = new StallingHandler();
        var options = TestStorageOptions.Create();
        options.NetworkTimeout = TimeSpan.FromMilliseconds(200);
        options.MaxRetries = 0;
        options.Transport = new Azure.Core.Pipeline.HttpClientTransport(stall);
        var table = fixture.Azurite.CreateTableServiceClient(options).GetTableClient(UniqueName.Table());

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: _ct));

        Assert.True(StorageFailure.IsTransient(failure), failure.ToString());
        Assert.Null(StorageFailure.StatusOf(failure));
    }

    [Fact]
    public async Task IsTransient_CallerCancelled_False()
    {
        using var stall = new StallingHandler();
        var options = TestStorageOptions.Create();
        options.Transport = new Azure.Core.Pipeline.HttpClientTransport(stall);
        var table = fixture.Azurite.CreateTableServiceClient(options).GetTableClient(UniqueName.Table());
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var pending = table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: cancellation.Token);
        await stall.Entered.Task.WaitAsync(_ct);

        await cancellation.CancelAsync();
        var failure = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

        Assert.False(StorageFailure.IsTransient(failure));
    }

    [Fact]
    public void Unwrap_AggregateOfAttempts_JudgesTheLast()
    {
        var aggregate = new AggregateException(new RequestFailedException(0, "lost"), new RequestFailedException(409, "conflict"));

        Assert.True(StorageFailure.IsConflict(aggregate));
        Assert.False(StorageFailure.IsTransient(aggregate));
    }

    private async Task<TableClient> NewTableAsync()
    {
        var table = fixture.Azurite.CreateTableServiceClient().GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        return table;
    }

    /// <summary>Never answers until the request is cancelled.</summary>
    private sealed class StallingHandler : HttpMessageHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Unreachable.");
        }
    }
}
