using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Bench;

/// <summary>
/// Drives the engine on Azurite with the embedded worker, counting the worker's storage requests. Completion is
/// observed through in-process counters so that watching does not add storage traffic.
/// </summary>
internal sealed class EngineBench(string connectionString)
{
    private const int ChainLength = 5;
    private const int WorkItems = 16;
    private const int EventsPerInstance = 5;
    private const int MaxStartBacklog = 2 * WorkItems;
    private static readonly TimeSpan s_idleWindow = TimeSpan.FromSeconds(10);

    private int _chainsDone;
    private int _eventWaitersDone;
    private readonly ConcurrentDictionary<string, byte> _timerWaitersStarted = new();

    public async Task<BenchReport> RunAsync(int chains, int waiting)
    {
        var raw = await MeasureRawRateAsync(TimeSpan.FromSeconds(5));
        Progress($"raw rate {raw:0} req/s");

        await using var hub = await Hub.StartAsync(connectionString, "benchhub", Register);
        var chainRun = await RunChainsAsync(hub, chains);
        var (stepsPerSecond, requestsPerStep) = (chainRun.PerSecond, chainRun.RequestsPerStep);
        var chainCounts = hub.Counter.Snapshot();
        Progress($"chains: {stepsPerSecond:0.0} steps/s, {requestsPerStep:0.00} req/step, engine CPU {chainRun.CpuMsPerStep:0.00} ms/step, "
            + $"machine {chainRun.MachineBusy:P0} busy: " + string.Join(", ", chainCounts.OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value}")));
        Progress($"chain latencies: {hub.Probe.Describe()}");
        var mix = await new RequestMix(connectionString).RunAsync(chainCounts, hub.Probe, WorkItems, TimeSpan.FromSeconds(5));
        Progress($"request mix {mix.RequestsPerSecond:0} req/s, client CPU {mix.CpuMsPerRequest:0.00} ms/req, engine {chainRun.CpuMsPerStep / requestsPerStep:0.00} ms/req ({mix.Cycle} per cycle; {mix.Sizes}); latencies: {mix.Latencies}");
        var (eventsPerSecond, requestsPerEvent) = await RunEventsAsync(hub, chains);
        Progress($"events: {eventsPerSecond:0.0}/s, {requestsPerEvent:0.00} req/event: "
            + string.Join(", ", hub.Counter.Snapshot().OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value}")));

        await using var idle = await Hub.StartAsync(connectionString, "benchidle", Register);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idleEmpty = await IdleRateAsync(idle);
        var (heapEmpty, setEmpty) = Memory();
        Progress($"idle empty: {idleEmpty:0.00} req/s");
        var scheduling = await StartTimerWaitersAsync(idle, waiting);
        Progress($"{waiting} instances waiting on timers");
        var idleWaiting = await IdleRateAsync(idle);
        var (heapWaiting, setWaiting) = Memory();

        return new BenchReport
        {
            RawRequestsPerSecond = raw,
            MixRequestsPerSecond = mix.RequestsPerSecond,
            EngineCpuMsPerStep = chainRun.CpuMsPerStep,
            MachineBusyDuringChains = chainRun.MachineBusy,
            ActivitySteps = chains * ChainLength,
            ActivityStepsPerSecond = stepsPerSecond,
            RequestsPerActivityStep = requestsPerStep,
            Events = chains * EventsPerInstance,
            EventsPerSecond = eventsPerSecond,
            RequestsPerEvent = requestsPerEvent,
            IdleRequestsPerSecondEmpty = idleEmpty,
            WaitingInstances = waiting,
            SchedulingSeconds = scheduling.TotalSeconds,
            IdleRequestsPerSecondWaiting = idleWaiting,
            ManagedBytesEmpty = heapEmpty,
            WorkingSetEmpty = setEmpty,
            ManagedBytesWaiting = heapWaiting,
            WorkingSetWaiting = setWaiting,
        };
    }

    private void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<int, int>("Step", (_, n) => Task.FromResult(n + 1))
        .AddOrchestratorFunc<int, int>("Chain", async (ctx, n) =>
        {
            for (var i = 0; i < ChainLength; i++)
            {
                n = await ctx.CallActivityAsync<int>("Step", n);
            }

            if (!ctx.IsReplaying)
            {
                Interlocked.Increment(ref _chainsDone);
            }

            return n;
        })
        .AddOrchestratorFunc<object?, int>("Listener", async (ctx, _) =>
        {
            var sum = 0;
            for (var i = 0; i < EventsPerInstance; i++)
            {
                sum += await ctx.WaitForExternalEvent<int>("tick");
            }

            if (!ctx.IsReplaying)
            {
                Interlocked.Increment(ref _eventWaitersDone);
            }

            return sum;
        })
        .AddOrchestratorFunc<object?, string>("Sleeper", async (ctx, _) =>
        {
            if (!ctx.IsReplaying)
            {
                _timerWaitersStarted.TryAdd(ctx.InstanceId, 0);
            }

            await ctx.CreateTimer(TimeSpan.FromDays(30), CancellationToken.None);
            return "awake";
        });

    private async Task<ChainRun> RunChainsAsync(Hub hub, int chains)
    {
        hub.Counter.Reset();
        hub.Probe.Reset();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = MachineCpu.Read();
        var watch = Stopwatch.StartNew();
        await BoundedAsync(chains, WorkItems, i => hub.Client.ScheduleNewOrchestrationInstanceAsync("Chain", i));
        await WaitUntilAsync(() => Volatile.Read(ref _chainsDone) >= chains);
        var elapsed = watch.Elapsed;
        var steps = chains * ChainLength;
        return new ChainRun(
            steps / elapsed.TotalSeconds,
            hub.Counter.Total / (double)steps,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / steps,
            MachineCpu.Read().BusySince(machine));
    }

    private async Task<(double PerSecond, double RequestsPerEvent)> RunEventsAsync(Hub hub, int instances)
    {
        var ids = await BoundedAsync(instances, WorkItems, _ => hub.Client.ScheduleNewOrchestrationInstanceAsync("Listener"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        hub.Counter.Reset();
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < EventsPerInstance; round++)
        {
            await BoundedAsync(ids.Length, WorkItems, async i =>
            {
                try
                {
                    await hub.Client.RaiseEventAsync(ids[i], "tick", 1);
                }
                catch (Exception failure) when (StorageFailure.IsTransient(failure))
                {
                    // A send Azurite did not answer in time (seen on an overloaded machine) may or may not have been
                    // queued; send again and say so. A duplicate is buffered by the listener, which stops after five.
                    Progress($"event send failed ({failure.Message}); sending again");
                    await hub.Client.RaiseEventAsync(ids[i], "tick", 1);
                }

                return i;
            });
        }

        await WaitUntilAsync(() => Volatile.Read(ref _eventWaitersDone) >= instances);
        var events = instances * EventsPerInstance;
        return (events / watch.Elapsed.TotalSeconds, hub.Counter.Total / (double)events);
    }

    /// <summary>
    /// Schedules <see cref="WorkItems"/> at a time, as many as the worker runs, and waits until all have started;
    /// returns how long that took. Azurite keeps queue metadata in one LokiJS collection for all queues: each receive
    /// and delete scans every live message of the account (its expiry sweep and visibility query use no index), and
    /// each put or update keeps sorted indices over all of them, so requests cost more as timer messages accumulate.
    /// More client concurrency only lengthens each request's wait (past the 30 s per-try timeout at 64), and start
    /// messages the worker has not reached yet are scanned by every request too, so the client stays at most
    /// <see cref="MaxStartBacklog"/> starts ahead of the worker.
    /// </summary>
    private async Task<TimeSpan> StartTimerWaitersAsync(Hub hub, int count)
    {
        var watch = Stopwatch.StartNew();
        var scheduled = 0;
        hub.Probe.Reset();
        await BoundedAsync(count, WorkItems, async i =>
        {
            while (Volatile.Read(ref scheduled) - _timerWaitersStarted.Count >= MaxStartBacklog)
            {
                await Task.Delay(10);
            }

            await ScheduleSleeperAsync(hub.Client, $"sleeper-{i:00000}");
            if (Interlocked.Increment(ref scheduled) % 1000 == 0)
            {
                Progress($"{scheduled} scheduled, {_timerWaitersStarted.Count} started; {hub.Probe.Describe()}");
                hub.Probe.Reset();
            }

            return 0;
        });
        Progress($"{count} timer waiters scheduled, {_timerWaitersStarted.Count} started");
        await WaitUntilAsync(() => _timerWaitersStarted.Count >= count);
        var elapsed = watch.Elapsed;
        Progress($"all {count} started after {elapsed.TotalSeconds:0} s; {hub.Probe.Describe()}");
        await Task.Delay(TimeSpan.FromSeconds(3));
        return elapsed;
    }

    /// <summary>
    /// Schedules one timer waiter under a fixed id. A start Azurite did not answer in time may or may not have
    /// landed, so it is sent again as a replacement of whatever the first try left (a row without its start message
    /// would otherwise wait forever); a start message of the first try then belongs to an old execution and is dropped.
    /// </summary>
    private static async Task ScheduleSleeperAsync(DurableTaskClient client, string instanceId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var options = attempt == 1
                    ? new StartOrchestrationOptions { InstanceId = instanceId }
                    : new StartOrchestrationOptions { InstanceId = instanceId, DedupeStatuses = [] };
                await client.ScheduleNewOrchestrationInstanceAsync("Sleeper", options);
                return;
            }
            catch (Exception failure) when (StorageFailure.IsTransient(failure) && attempt < 5)
            {
                Progress($"start of {instanceId} failed ({failure.Message}); starting it again");
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> for 0..count-1, at most <paramref name="concurrency"/> at a time (as many as the
    /// worker runs), so the client neither floods Azurite with hundreds of connections nor starves the worker.
    /// </summary>
    private static async Task<T[]> BoundedAsync<T>(int count, int concurrency, Func<int, Task<T>> work)
    {
        var results = new T[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, _) => results[i] = await work(i));
        return results;
    }

    private static void Progress(string what) => Console.Error.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {what}");

    private static async Task<double> IdleRateAsync(Hub hub)
    {
        hub.Counter.Reset();
        await Task.Delay(s_idleWindow);
        return hub.Counter.Total / s_idleWindow.TotalSeconds;
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return (GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        while (!done())
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Concurrent table inserts and point reads through the same storage clients, without the engine.</summary>
    private async Task<double> MeasureRawRateAsync(TimeSpan duration)
    {
        var table = new TableServiceClient(connectionString, BenchStorageOptions().CreateTableClientOptions()).GetTableClient("benchraw");
        await table.CreateIfNotExistsAsync();
        long requests = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = 0; watch.Elapsed < duration; i++)
            {
                var key = $"{worker}-{i}";
                await table.AddEntityAsync(new TableEntity("raw", key) { ["Value"] = i });
                await table.GetEntityAsync<TableEntity>("raw", key);
                Interlocked.Add(ref requests, 2);
            }
        }));
        return requests / watch.Elapsed.TotalSeconds;
    }

    /// <summary>The app's storage defaults, with the service version Azurite accepts.</summary>
    internal static StorageOptions BenchStorageOptions() => new() { ServiceVersion = TestStorageOptions.AzuriteServiceVersion };

    /// <summary>What the chain phase measured: step rate, requests and this process's CPU per step, the machine's busy share.</summary>
    private sealed record ChainRun(double PerSecond, double RequestsPerStep, double CpuMsPerStep, double MachineBusy);

    /// <summary>A task hub with its worker running and its storage requests counted.</summary>
    private sealed class Hub : IAsyncDisposable
    {
        private readonly QuyCheEngineHost _host;

        private Hub(QuyCheEngineHost host, StorageRequestCounter counter, LatencyProbe probe)
        {
            _host = host;
            Counter = counter;
            Probe = probe;
        }

        public StorageRequestCounter Counter { get; }

        public LatencyProbe Probe { get; }

        public DurableTaskClient Client => _host.Client;

        public static async Task<Hub> StartAsync(string connectionString, string name, Action<DurableTaskRegistry> register)
        {
            var counter = new StorageRequestCounter();
            var probe = new LatencyProbe();
            var storage = BenchStorageOptions();
            storage.PerRetryPolicies.Add(counter);
            storage.PerRetryPolicies.Add(probe);
            var host = await QuyCheEngineHost.CreateAsync(
                options =>
                {
                    options.Backend = DurableTaskBackendKind.AzureStorage;
                    options.TaskHubName = name;
                    options.MaxConcurrentWorkItems = WorkItems;
                },
                register,
                configureServices: services => services
                    .AddSingleton(new TableServiceClient(connectionString, storage.CreateTableClientOptions()))
                    .AddSingleton(new QueueServiceClient(connectionString, storage.CreateQueueClientOptions()))
                    .AddSingleton(new BlobServiceClient(connectionString, storage.CreateBlobClientOptions())));
            await host.StartAsync();
            return new Hub(host, counter, probe);
        }

        public ValueTask DisposeAsync() => _host.DisposeAsync();
    }
}
