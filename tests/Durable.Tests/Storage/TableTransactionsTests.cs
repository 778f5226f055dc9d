using Azure.Data.Tables;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

public sealed class TableTransactionsTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, TableTransactionAction[]> Invalid => new()
    {
        { "at most 100", Adds(Enumerable.Range(0, 101).Select(i => ("p", $"r{i:D3}"))) },
        { "one partition", Adds([("p1", "r"), ("p2", "r")]) },
        { "appears twice", [new(TableTransactionActionType.Add, new TableEntity("p", "r")), new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "r"))] },
        { "at least one", [] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task SubmitValidatedTransaction_BreaksARule_RefusedBeforeAnyRequest(string message, TableTransactionAction[] actions)
    {
        var counter = new StorageRequestCounter();
        var options = TestStorageOptions.Create();
        options.PerRetryPolicies.Add(counter);
        var table = fixture.Azurite.CreateTableServiceClient(options).GetTableClient(UniqueName.Table());

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitValidatedTransactionAsync(actions, _ct));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, counter.Total);
    }

    [Fact]
    public async Task SubmitValidatedTransaction_HundredActionsInOnePartition_AllStoredInOneRequest()
    {
        var counter = new StorageRequestCounter();
        var options = TestStorageOptions.Create();
        options.PerRetryPolicies.Add(counter);
        var table = fixture.Azurite.CreateTableServiceClient(options).GetTableClient(UniqueName.Table());
        await table.CreateIfNotExistsAsync(_ct);
        counter.Reset();

        var response = await table.SubmitValidatedTransactionAsync(Adds(Enumerable.Range(0, 100).Select(i => ("p", $"r{i:D3}"))), _ct);

        Assert.Equal(100, response.Value.Count);
        Assert.Equal(1, counter.Count("table.batch"));
        Assert.Equal(100, await table.QueryAsync<TableEntity>(cancellationToken: _ct).CountAsync(_ct));
    }

    private static TableTransactionAction[] Adds(IEnumerable<(string PartitionKey, string RowKey)> keys) =>
        keys.Select(k => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(k.PartitionKey, k.RowKey))).ToArray();
}
