using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.CustomHandler;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.CustomHandler;

/// <summary>The in-process queue trigger against real Azurite, with its own host.json and function.json.</summary>
public sealed class EmbeddedQueueDriverTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _root = CreateFunctionsRoot();
    private readonly string _hub = "h" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal);

    [Fact]
    public async Task ExecuteAsync_MessageOnTriggerQueue_IsHandledOnceThenDeleted()
    {
        var received = new ConcurrentQueue<QueueTriggerMessage>();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = Queue(_hub + "-work");
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var receipt = (await queue.SendMessageAsync("""{"event":"VoteCast","member":"Bí thư"}""", cancellationToken: TestContext.Current.CancellationToken)).Value;
        await using var app = await StartAsync((message, _) =>
        {
            received.Enqueue(message);
            delivered.TrySetResult();
            return Task.CompletedTask;
        });

        await delivered.Task.WaitAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(async () => await ApproximateMessageCountAsync(queue) == 0);

        var message = Assert.Single(received);
        Assert.Equal(_hub + "-work", message.QueueName);
        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal("""{"event":"VoteCast","member":"Bí thư"}""", message.MessageText);
        Assert.Equal(1, message.DequeueCount);
    }

    [Fact]
    public async Task ExecuteAsync_HandlerKeepsFailing_RetriesUpToMaxDequeueCountThenPoisons()
    {
        var attempts = new ConcurrentQueue<int>();
        var queue = Queue(_hub + "-work");
        var poison = Queue(_hub + "-work-poison");
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await queue.SendMessageAsync("không xử lý được", cancellationToken: TestContext.Current.CancellationToken);
        await using var app = await StartAsync((message, _) =>
        {
            attempts.Enqueue(message.DequeueCount);
            throw new InvalidOperationException("handler failure");
        });

        await WaitUntilAsync(async () =>
            (await poison.ExistsAsync(TestContext.Current.CancellationToken)).Value &&
            (await poison.PeekMessagesAsync(1, TestContext.Current.CancellationToken)).Value.Length == 1);

        Assert.Equal([1, 2], attempts.Order());
        Assert.Equal("không xử lý được", Assert.Single((await poison.PeekMessagesAsync(1, TestContext.Current.CancellationToken)).Value).MessageText);
        Assert.Equal(0, await ApproximateMessageCountAsync(queue));
    }

    [Fact]
    public async Task ExecuteAsync_QueueDeletedWhileRunning_CreatesItAgainAndServesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var delivered = new TaskCompletionSource<QueueTriggerMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = Queue(_hub + "-work");
        await using var app = await StartAsync((message, _) =>
        {
            delivered.TrySetResult(message);
            return Task.CompletedTask;
        });
        await WaitUntilAsync(async () => (await queue.ExistsAsync(ct)).Value);

        await queue.DeleteAsync(ct);
        await WaitUntilAsync(async () => (await queue.ExistsAsync(ct)).Value);
        await queue.SendMessageAsync("sau khi tạo lại hàng đợi", cancellationToken: ct);

        var message = await delivered.Task.WaitAsync(ct);
        Assert.Equal("sau khi tạo lại hàng đợi", message.MessageText);
    }

    [Fact]
    public async Task ExecuteAsync_HandlerOutlastsVisibilityTimeout_MessageKeptHiddenThenShownAgainSoonAfterTheProcessStops()
    {
        var ct = TestContext.Current.CancellationToken;
        var visibility = TimeSpan.FromSeconds(3);
        var deliveries = new ConcurrentQueue<QueueTriggerMessage>();
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = Queue(_hub + "-work");
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        await queue.SendMessageAsync("phiếu biểu quyết", cancellationToken: ct);
        var app = await StartAsync(
            async (message, cancellationToken) =>
            {
                deliveries.Enqueue(message);
                delivered.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            },
            services => services.Configure<DurableTaskOptions>(options => options.MessageVisibilityTimeout = visibility));
        await delivered.Task.WaitAsync(ct);

        // Two whole visibility timeouts while the handler runs: another receiver finds nothing.
        var takenMeanwhile = new List<QueueMessage>();
        for (var look = 0; look < 6; look++)
        {
            await Task.Delay(visibility / 3, ct);
            takenMeanwhile.AddRange((await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1), ct)).Value);
        }

        await app.DisposeAsync();
        QueueMessage? shownAgain = null;
        await WaitUntilAsync(async () => (shownAgain = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1), ct)).Value.FirstOrDefault()) is not null);

        Assert.Empty(takenMeanwhile);
        Assert.Single(deliveries);
        Assert.Equal(2, shownAgain!.DequeueCount);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private QueueClient Queue(string name) => azurite.Azurite.CreateQueueServiceClient().GetQueueClient(name);

    private static async Task<int> ApproximateMessageCountAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount;

    private async Task<TestApp> StartAsync(QueueTriggerHandler handler, Action<IServiceCollection>? configureServices = null) =>
        await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                [AppSettings.DurableTaskHubName] = _hub,
                [AppSettings.StorageConnectionString] = azurite.ConnectionString,
            },
            services =>
            {
                services.Configure<FunctionCatalogOptions>(options => options.RootDirectory = _root);
                services.AddSingleton(handler);
                configureServices?.Invoke(services);
            });

    // Polls a condition the driver reaches on its own schedule; the test's cancellation token bounds the wait.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var polls = 0; !await condition(); polls++)
        {
            // A bound so a broken driver fails the test instead of hanging the run; not a speed assertion.
            Assert.True(polls < 2_400, "The driver never reached the expected state.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static string CreateFunctionsRoot()
    {
        var root = Directory.CreateTempSubdirectory("qcw-functions-").FullName;
        File.WriteAllText(Path.Combine(root, "host.json"), """
            {
              "version": "2.0",
              "extensions": {
                "queues": { "batchSize": 4, "maxDequeueCount": 2, "visibilityTimeout": "00:00:00", "maxPollingInterval": "00:00:00.200" }
              }
            }
            """);
        Directory.CreateDirectory(Path.Combine(root, "Work"));
        File.WriteAllText(Path.Combine(root, "Work", "function.json"), """
            { "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "message", "queueName": "%Durable__TaskHubName%-work", "connection": "Storage" } ] }
            """);
        return root;
    }
}
