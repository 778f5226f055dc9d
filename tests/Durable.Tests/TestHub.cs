using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests;

/// <summary>
/// One task hub driven by hand: the test pumps the queues and moves the fake clock, so nothing depends on timing.
/// A real-time limit only guards against a hang.
/// </summary>
public sealed class TestHub : IAsyncDisposable
{
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(90);

    private readonly ServiceProvider _services;
    private readonly TimeSpan _idlePause;

    private TestHub(ServiceProvider services, FakeTimeProvider clock, TimeSpan idlePause)
    {
        _services = services;
        _idlePause = idlePause;
        Clock = clock;
        Options = services.GetRequiredService<DurableTaskOptions>();
        Client = services.GetRequiredService<DurableTaskClient>();
        Backend = services.GetRequiredService<IDurableTaskBackend>();
        Dispatcher = services.GetRequiredService<DurableTaskDispatcher>();
        Pump = new QueuePump(Backend, Dispatcher, Options, NullLogger.Instance);
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public DurableTaskOptions Options { get; }

    public DurableTaskClient Client { get; }

    internal IDurableTaskBackend Backend { get; }

    internal DurableTaskDispatcher Dispatcher { get; }

    internal QueuePump Pump { get; }

    /// <param name="configureBackend">Sets the backend's options.</param>
    /// <param name="register">Registers the orchestrators and activities.</param>
    /// <param name="idlePause">How long to wait when no message is visible.</param>
    /// <param name="clock">The hub's clock (a new one at <see cref="Start"/> if null).</param>
    /// <param name="configureServices">Registers what the backend needs (the storage clients of an Azure Storage backend).</param>
    public static async Task<TestHub> CreateAsync(
        Action<DurableTaskOptions> configureBackend,
        Action<DurableTaskRegistry> register,
        TimeSpan idlePause,
        FakeTimeProvider? clock = null,
        Action<IServiceCollection>? configureServices = null)
    {
        clock ??= new FakeTimeProvider(Start);
        var collection = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        configureServices?.Invoke(collection);
        var services = collection
            .AddDurableTask(options =>
            {
                options.EnableEmbeddedWorker = false;
                configureBackend(options);
                register(options.Registry);
            })
            .BuildServiceProvider();
        var hub = new TestHub(services, clock, idlePause);
        await hub.Backend.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return hub;
    }

    /// <summary>Pumps until no message is visible.</summary>
    public async Task RunUntilIdleAsync()
    {
        var watch = Stopwatch.StartNew();
        while (await Pump.PumpOnceAsync(TestContext.Current.CancellationToken) > 0)
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
            var handled = await Pump.PumpOnceAsync(TestContext.Current.CancellationToken);
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

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private static void ThrowIfHung(Stopwatch watch)
    {
        if (watch.Elapsed > s_hangLimit)
        {
            throw new TimeoutException("The hub made no progress towards the expected state.");
        }
    }
}
