using Azure.Storage.Queues;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

/// <summary>What the app and the engine rely on from the SDK's queue client built with <see cref="StorageOptions"/>.</summary>
public sealed class QueueClientTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendMessageAsync_Base64OnTheWire_AsFunctionsExpects()
    {
        var queue = await NewQueueAsync();
        var rawOptions = TestStorageOptions.Create().CreateQueueClientOptions();
        rawOptions.MessageEncoding = QueueMessageEncoding.None;
        var raw = new QueueClient(fixture.ConnectionString, queue.Name, rawOptions);

        await queue.SendMessageAsync("xin chào", _ct);
        var peeked = Assert.Single((await raw.PeekMessagesAsync(1, _ct)).Value);

        Assert.Equal(Convert.ToBase64String("xin chào"u8.ToArray()), peeked.Body.ToString());
    }

    [Fact]
    public async Task SendMessageAsync_SevenDayDelayInfiniteTtl_AcceptedAndHidden()
    {
        var queue = await NewQueueAsync();

        var receipt = await queue.SendMessageAsync("later", TimeSpan.FromDays(7), TimeSpan.FromSeconds(-1), _ct);

        Assert.Equal(9999, receipt.Value.ExpirationTime.Year);
        Assert.Empty((await queue.PeekMessagesAsync(32, _ct)).Value);
    }

    [Fact]
    public async Task DeleteMessageAsync_StaleReceiptThenGone_400Then404()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("m", _ct);
        var first = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1), _ct)).Value;
        await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: _ct);
        var second = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1), _ct)).Value;

        var stale = await Assert.ThrowsAnyAsync<Exception>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt, _ct));
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt, _ct);
        var gone = await Assert.ThrowsAnyAsync<Exception>(() => queue.DeleteMessageAsync(second.MessageId, second.PopReceipt, _ct));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(400, StorageFailure.StatusOf(stale));
        Assert.True(StorageFailure.IsNotFound(gone));
    }

    [Fact]
    public async Task SendMessageAsync_MissingQueue_NotFound()
    {
        var queue = fixture.Azurite.CreateQueueServiceClient().GetQueueClient(UniqueName.Queue());

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => queue.SendMessageAsync("m", _ct));

        Assert.True(StorageFailure.IsNotFound(failure));
        Assert.Equal("QueueNotFound", StorageFailure.ErrorCodeOf(failure));
    }

    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = fixture.Azurite.CreateQueueServiceClient().GetQueueClient(UniqueName.Queue());
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        return queue;
    }
}
