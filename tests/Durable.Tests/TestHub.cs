using System.Diagnostics;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests;

/// <summary>
/// One task hub driven by hand: the test pumps the queues and moves the fake clock, so nothing depends on timing.
/// A real-time limit only guards against a hang.
/// </summary>
public sealed class TestHub : IAsyncDisposable
{
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(90);

    private readonly QuyCheEngineHost _host;
    private readonly TimeSpan _idlePause;

    private TestHub(QuyCheEngineHost host, FakeTimeProvider clock, TimeSpan idlePause)
    {
        _host = host;
        _idlePause = idlePause;
        Clock = clock;
        Client = (QuyCheDurableTaskClient)host.Client;
        Worker = host.Worker;
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public DurableTaskOptions Options => _host.Options;

    public QuyCheDurableTaskClient Client { get; }

    public QuyCheDurableTaskWorker Worker { get; }

    internal IDurableTaskBackend Backend => _host.Engine.Backend;

    internal DurableTaskDispatcher Dispatcher => Worker.Dispatcher;

    public static async Task<TestHub> CreateAsync(
        Action<DurableTaskOptions> configureBackend,
        Action<DurableTaskRegistry> register,
        TimeSpan idlePause,
        FakeTimeProvider? clock = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        clock ??= new FakeTimeProvider(Start);
        var host = await QuyCheEngineHost.CreateAsync(
            options =>
            {
                options.EnableEmbeddedWorker = false;
                configureBackend(options);
            },
            register,
            clock,
            configureServices,
            TestContext.Current.CancellationToken);
        return new TestHub(host, clock, idlePause);
    }

    /// <summary>Pumps until no message is visible.</summary>
    public async Task RunUntilIdleAsync()
    {
        var watch = Stopwatch.StartNew();
        while (await Worker.ProcessVisibleMessagesAsync(TestContext.Current.CancellationToken) > 0)
        {
            ThrowIfHung(watch);
        }
    }

    /// <summary>
    /// Pumps until the instance satisfies <paramref name="done"/>; when nothing is visible, moves the clock by
    /// <paramref name="advanceWhenIdle"/> (if given) so timers fall due.
    /// </summary>
    public async Task<OrchestrationMetadata> RunUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> done, TimeSpan? advanceWhenIdle = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var handled = await Worker.ProcessVisibleMessagesAsync(TestContext.Current.CancellationToken);
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, TestContext.Current.CancellationToken);
            if (metadata is not null && done(metadata))
            {
                return metadata;
            }

            if (handled == 0)
            {
                if (advanceWhenIdle is { } step)
                {
                    Clock.Advance(step);
                }

                await Task.Delay(_idlePause, TestContext.Current.CancellationToken);
            }

            ThrowIfHung(watch);
        }
    }

    public Task<OrchestrationMetadata> RunToCompletionAsync(string instanceId, TimeSpan? advanceWhenIdle = null) =>
        RunUntilAsync(instanceId, m => m.IsCompleted, advanceWhenIdle);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static void ThrowIfHung(Stopwatch watch)
    {
        if (watch.Elapsed > s_hangLimit)
        {
            throw new TimeoutException("The hub made no progress towards the expected state.");
        }
    }
}
