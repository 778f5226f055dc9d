using Azure.Core.Pipeline;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests;

/// <summary>
/// The shared engine semantics on the Azure Storage backend against Azurite, plus what only a real store can
/// show: crashes between checkpoint steps, competing workers, a storage restart. Each test uses a fresh task hub.
/// </summary>
public sealed partial class AzureStorageDurableTaskBackendTests(AzuriteFixture azurite) : DurableTaskEngineTests
{
    private readonly string _hubName = "t" + Guid.NewGuid().ToString("N")[..16];

    protected override TimeSpan IdlePause => TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task DispatchAsync_LargeMessagesHandled_TheirPayloadBlobsDeleted()
    {
        var large = string.Concat(Enumerable.Repeat("Quy chế làm việc — ", 6000));
        await using var hub = await CreateHubAsync(r => r
            .AddOrchestratorFunc<string, int>("Big", async (ctx, input) => (await ctx.WaitForExternalEvent<string>("big")).Length + input.Length));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Big", large, cancellation: Cancellation);
        await hub.Client.RaiseEventAsync(id, "big", large, Cancellation);
        var pending = await MessageBlobsAsync(hub);

        await hub.RunToCompletionAsync(id);
        await hub.RunUntilIdleAsync();

        Assert.Equal(2, pending.Count);
        Assert.Empty(await MessageBlobsAsync(hub));
    }

    [Fact]
    public async Task PurgeInstanceAsync_LargeMessageNeverHandled_ItsPayloadBlobDeleted()
    {
        var large = string.Concat(Enumerable.Repeat("Quy chế làm việc — ", 6000));
        await using var hub = await CreateHubAsync(r => r.AddOrchestratorFunc<object?, string>("Quick", (_, _) => Task.FromResult("done")));
        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Quick", cancellation: Cancellation);
        await hub.RunToCompletionAsync(id);
        await hub.Client.RaiseEventAsync(id, "late", large, Cancellation);
        var pending = await MessageBlobsAsync(hub);

        await hub.Client.PurgeInstanceAsync(id, Cancellation);
        await hub.RunUntilIdleAsync();

        Assert.Single(pending);
        Assert.Empty(await MessageBlobsAsync(hub));
    }

    [Fact]
    public async Task DispatchAsync_StartAndStepsOfNewInstance_UseNoTableQueries()
    {
        var recorder = new RequestRecorder();
        await using var hub = await CreateStorageHubAsync(azurite.Azurite, recorder, r => r
            .AddActivityFunc<int, int>(Counted, (_, n) => Task.FromResult(n + 1))
            .AddOrchestratorFunc<int, int>("Sleeper", async (ctx, n) =>
            {
                n = await ctx.CallActivityAsync<int>(Counted, n);
                await ctx.CreateTimer(TimeSpan.FromDays(30), CancellationToken.None);
                return n;
            }));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper", 1, cancellation: Cancellation);
        await hub.RunUntilAsync(id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await hub.RunUntilIdleAsync();

        Assert.Contains(recorder.Uris, u => u.Contains("History", StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.Uris, u => u.Contains("$filter", StringComparison.Ordinal) || u.Contains("%24filter", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DispatchAsync_RowWrittenByThisProcess_ProjectedWithoutReadingIt()
    {
        var recorder = new RequestRecorder();
        await using var hub = await CreateStorageHubAsync(azurite.Azurite, recorder, r => r
            .AddActivityFunc<int, int>(Counted, (_, n) => Task.FromResult(n + 1))
            .AddOrchestratorFunc<int, int>("Once", (ctx, n) => ctx.CallActivityAsync<int>(Counted, n)));

        var id = await hub.Client.ScheduleNewOrchestrationInstanceAsync("Once", 1, cancellation: Cancellation);
        await hub.RunUntilIdleAsync();
        var rowReads = recorder.Requests.Count(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("Instances(", StringComparison.Ordinal));
        var result = await hub.Client.GetInstanceAsync(id, getInputsAndOutputs: true, Cancellation);

        Assert.Equal(2, result!.ReadOutputAs<int>());
        Assert.Equal(1, rowReads);
    }

    [Fact]
    public async Task RenewAsync_MessageSentHidden_KeptHiddenUntilReceivedElsewhere()
    {
        await using var hub = await CreateHubAsync(_ => { });
        var backend = hub.Backend;
        await backend.EnsureCreatedAsync(Cancellation);
        var queue = backend.WorkItemQueueName;
        var sent = await backend.SendAsync(queue, "{}", null, hub.Clock.GetUtcNow() + TimeSpan.FromSeconds(1), Cancellation);

        var renewed = await backend.RenewAsync(sent, TimeSpan.FromMinutes(1), Cancellation);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancellation);
        var takenAfterItsFirstDelay = await backend.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1), Cancellation);
        var madeVisible = await backend.RenewAsync(renewed!, TimeSpan.Zero, Cancellation);
        var takenByAnother = await backend.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(1), Cancellation);
        var lost = await backend.RenewAsync(madeVisible!, TimeSpan.FromMinutes(1), Cancellation);

        Assert.NotNull(renewed);
        Assert.Empty(takenAfterItsFirstDelay);
        Assert.Equal(sent.Message.MessageId, Assert.Single(takenByAnother).Message.MessageId);
        Assert.Null(lost);
    }

    private async Task<List<string>> MessageBlobsAsync(TestHub hub)
    {
        var container = azurite.Azurite.CreateBlobServiceClient().GetBlobContainerClient(QueueNaming.Hub(hub.Options) + "-payloads");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, Cancellation))
        {
            if (blob.Name.Contains("messages/", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    protected override void ConfigureBackend(DurableTaskOptions options) => Configure(options);

    protected override void ConfigureServices(IServiceCollection services) => AddStorageClients(services, azurite.Azurite, handler: null);

    private Task<TestHub> CreateStorageHubAsync(
        AzuriteInstance instance,
        DelegatingHandler? handler,
        Action<DurableTaskRegistry> register,
        FakeTimeProvider? clock = null,
        string? hubName = null,
        bool inline = true) =>
        TestHub.CreateAsync(o => Configure(o, hubName, inline), register, IdlePause, clock, services => AddStorageClients(services, instance, handler));

    private void Configure(DurableTaskOptions options, string? hubName = null, bool inline = true)
    {
        options.InlineActivityBudget = inline ? 16 : 0;
        options.Backend = DurableTaskBackendKind.AzureStorage;
        options.TaskHubName = hubName ?? _hubName;
        options.PartitionCount = 2;
        options.MaxMessageDelay = TimeSpan.FromMilliseconds(500);
        options.EarlyMessageRetryDelay = TimeSpan.FromMilliseconds(200);
        options.MessageVisibilityTimeout = TimeSpan.FromSeconds(1);
    }

    /// <summary>
    /// Registers the SDK clients the backend resolves. A handler sees every attempt on the wire; with one, retries are
    /// off so that what it injects reaches the engine unchanged.
    /// </summary>
    private static void AddStorageClients(IServiceCollection services, AzuriteInstance instance, DelegatingHandler? handler)
    {
        var options = TestStorageOptions.Create();
        if (handler is not null)
        {
            handler.InnerHandler ??= new SocketsHttpHandler();
            options.Transport = new HttpClientTransport(handler);
            options.MaxRetries = 0;
        }

        services.AddSingleton(instance.CreateTableServiceClient(options));
        services.AddSingleton(instance.CreateQueueServiceClient(options));
        services.AddSingleton(instance.CreateBlobServiceClient(options));
    }

    /// <summary>Remembers every table request's address (queue polling excluded).</summary>
    private sealed class RequestRecorder : DelegatingHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _uris = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _requests = new();

        public IReadOnlyCollection<string> Uris => _uris;

        public IReadOnlyCollection<string> Requests => _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.PathAndQuery;
            if (!uri.Contains("/messages", StringComparison.Ordinal))
            {
                _uris.Enqueue(uri);
                _requests.Enqueue($"{request.Method} {uri}");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
