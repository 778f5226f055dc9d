using QuyCheWorkflow.Storage.Queues;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class QueueClientTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_CreatesOnce()
    {
        var queue = NewQueueClient();

        var first = await queue.CreateIfNotExistsAsync(_ct);
        var second = await queue.CreateIfNotExistsAsync(_ct);

        Assert.True(first);
        Assert.False(second);
        Assert.True(await queue.ExistsAsync(_ct));
    }

    [Fact]
    public async Task SendThenReceive_RoundTripsUnicodeTextAndDeletes()
    {
        var queue = await NewQueueAsync();
        var text = "{\"việc\":\"Lấy ý kiến <dự thảo> & ký\"}";

        var receipt = await queue.SendMessageAsync(text, cancellationToken: _ct);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), _ct));
        var deleted = await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, _ct);
        var deletedAgain = await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, _ct);

        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(text, received.MessageText);
        Assert.Equal(1, received.DequeueCount);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync(_ct));
    }

    [Fact]
    public async Task SendMessageAsync_Base64OnTheWire_AsFunctionsExpects()
    {
        var queue = await NewQueueAsync();
        var raw = new QueueServiceClient(StorageConnection.Parse(fixture.ConnectionString), new StorageClientOptions { QueueMessageEncoding = QueueMessageEncoding.None })
            .GetQueueClient(queue.Name);

        await queue.SendMessageAsync("xin chào", cancellationToken: _ct);
        var peeked = Assert.Single(await raw.PeekMessagesAsync(1, _ct));

        Assert.Equal(Convert.ToBase64String("xin chào"u8.ToArray()), peeked.MessageText);
    }

    [Fact]
    public async Task ReceiveMessagesAsync_UpToMax_HidesReceivedMessages()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendMessageAsync($"m{i}", cancellationToken: _ct);
        }

        var firstBatch = await queue.ReceiveMessagesAsync(3, TimeSpan.FromMinutes(1), _ct);
        var secondBatch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), _ct);
        var thirdBatch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), _ct);

        Assert.Equal(3, firstBatch.Count);
        Assert.Equal(2, secondBatch.Count);
        Assert.Empty(thirdBatch);
        Assert.Equal(5, firstBatch.Concat(secondBatch).Select(m => m.MessageText).Distinct().Count());
    }

    [Fact]
    public async Task SendMessageAsync_WithDelay_InvisibleAtFirstVisibleLater()
    {
        var queue = await NewQueueAsync();

        await queue.SendMessageAsync("later", TimeSpan.FromSeconds(2), cancellationToken: _ct);
        var immediately = await queue.PeekMessagesAsync(32, _ct);
        IReadOnlyList<QueueMessage> later = [];
        for (var attempt = 0; attempt < 100 && later.Count == 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), _ct);
            later = await queue.ReceiveMessagesAsync(1, cancellationToken: _ct);
        }

        Assert.Empty(immediately);
        Assert.Equal("later", Assert.Single(later).MessageText);
    }

    [Fact]
    public async Task SendMessageAsync_DelayBeyondSevenDays_RejectedClientSide()
    {
        var queue = await NewQueueAsync();

        var failure = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => queue.SendMessageAsync("x", TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1), cancellationToken: _ct));

        Assert.Contains("7 days", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync(_ct));
    }

    [Fact]
    public async Task SendMessageAsync_SevenDayDelayInfiniteTtl_Accepted()
    {
        var queue = await NewQueueAsync();

        var receipt = await queue.SendMessageAsync("far", TimeSpan.FromDays(7), Timeout.InfiniteTimeSpan, _ct);

        Assert.True(receipt.ExpiresOn.Year >= 9999);
        Assert.True(receipt.NextVisibleOn > receipt.InsertedOn.AddDays(6));
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync(_ct));
    }

    [Fact]
    public async Task SendMessageAsync_FiniteTtl_SetsExpiry()
    {
        var queue = await NewQueueAsync();

        var receipt = await queue.SendMessageAsync("short", timeToLive: TimeSpan.FromHours(1), cancellationToken: _ct);

        Assert.InRange(receipt.ExpiresOn - receipt.InsertedOn, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task UpdateMessageAsync_ZeroVisibility_MakesVisibleWithNewTextAndReceipt()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1", cancellationToken: _ct);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5), _ct));

        var newReceipt = await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "v2", TimeSpan.Zero, _ct);
        var again = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5), _ct));

        Assert.NotEqual(received.PopReceipt, newReceipt);
        Assert.Equal("v2", again.MessageText);
        Assert.Equal(2, again.DequeueCount);
        Assert.False(await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, _ct));
        Assert.True(await queue.DeleteMessageAsync(again.MessageId, again.PopReceipt, _ct));
    }

    [Fact]
    public async Task UpdateMessageAsync_StalePopReceipt_Throws400PopReceiptMismatch()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1", cancellationToken: _ct);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5), _ct));
        await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, null, TimeSpan.FromMinutes(5), _ct);

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(
            () => queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, null, TimeSpan.Zero, _ct));

        Assert.Equal(400, failure.Status);
        Assert.Equal("PopReceiptMismatch", failure.ErrorCode);
    }

    [Fact]
    public async Task PeekMessagesAsync_LeavesMessagesVisible()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("a", cancellationToken: _ct);
        await queue.SendMessageAsync("b", cancellationToken: _ct);

        var peeked = await queue.PeekMessagesAsync(32, _ct);
        var received = await queue.ReceiveMessagesAsync(32, cancellationToken: _ct);

        Assert.Equal(["a", "b"], peeked.Select(m => m.MessageText).Order());
        Assert.Equal(2, received.Count);
        Assert.Equal(2, await queue.GetApproximateMessageCountAsync(_ct));
    }

    [Fact]
    public async Task ReceiveMessagesAsync_OutOfRangeArguments_RejectedClientSide()
    {
        var queue = NewQueueClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33, cancellationToken: _ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(1, TimeSpan.FromDays(8), _ct));
    }

    [Fact]
    public async Task ClearMessagesAsync_WithMessages_EmptiesQueue()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("a", cancellationToken: _ct);
        await queue.SendMessageAsync("b", cancellationToken: _ct);

        await queue.ClearMessagesAsync(_ct);

        Assert.Empty(await queue.PeekMessagesAsync(32, _ct));
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync(_ct));
    }

    [Fact]
    public async Task DeleteAsync_Queue_RemovesItAndIsNoOpWhenMissing()
    {
        var queue = await NewQueueAsync();

        var first = await queue.DeleteAsync(_ct);
        var second = await queue.DeleteAsync(_ct);

        Assert.True(first);
        Assert.False(second);
        Assert.False(await queue.ExistsAsync(_ct));
    }

    [Fact]
    public async Task SendMessageAsync_MissingQueue_Throws404QueueNotFound()
    {
        var queue = NewQueueClient();

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.SendMessageAsync("x", cancellationToken: _ct));

        Assert.Equal(404, failure.Status);
        Assert.Equal("QueueNotFound", failure.ErrorCode);
    }

    private QueueClient NewQueueClient() =>
        new QueueServiceClient(StorageConnection.Parse(fixture.ConnectionString)).GetQueueClient(UniqueName.Queue());

    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = NewQueueClient();
        await queue.CreateIfNotExistsAsync(_ct);
        return queue;
    }
}
