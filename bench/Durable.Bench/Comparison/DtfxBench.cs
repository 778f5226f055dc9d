using System.Diagnostics;
using DurableTask.Core;
using QuyCheWorkflow.Durable.Bench;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>
/// Runs the <see cref="Workloads"/> on DTFx with its Azure Storage provider, measured as the project engine's bench
/// measures its own: chains and event rounds scheduled <see cref="WorkItems"/> at a time, completion seen through
/// in-process counters, storage requests of client and worker counted, this process's CPU and the machine's busy share.
/// </summary>
internal sealed class DtfxBench(string connectionString)
{
    /// <summary>As many as the project engine's bench runs (its <c>MaxConcurrentWorkItems</c>).</summary>
    private const int WorkItems = 16;

    // DTFx backs its queue polling off up to 30 s and renews partition leases every 10 s: the idle rate is read once
    // it has settled, over a window that holds several of both.
    private static readonly TimeSpan s_idleWarmUp = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_idleWindow = TimeSpan.FromSeconds(30);

    public async Task<DtfxReport> RunAsync(int chains)
    {
        var progress = new WorkloadProgress();
        await using var hub = await DtfxHub.StartAsync(connectionString, "dtfxbench", WorkItems, progress);

        // The first chains also wait for DTFx to take its partition leases and for JIT; they are not measured.
        await RunChainsAsync(hub, progress, WorkItems, firstIndex: 0);
        Progress($"DTFx warm-up: {WorkItems} chains done");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machine = MachineCpu.Read();
        hub.Requests.Reset();
        var elapsed = await RunChainsAsync(hub, progress, chains, firstIndex: WorkItems);
        var steps = chains * Workloads.ChainLength;
        var chainRequests = hub.Requests.Total;
        var cpuMsPerStep = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / steps;
        var machineBusy = MachineCpu.Read().BusySince(machine);
        var chainBreakdown = hub.Requests.Describe();
        Progress($"DTFx chains: {steps / elapsed.TotalSeconds:0.0} steps/s, {chainRequests / (double)steps:0.00} req/step: {chainBreakdown}");

        var (eventsPerSecond, requestsPerEvent) = await RunEventsAsync(hub, progress, chains);
        Progress($"DTFx events: {eventsPerSecond:0.0}/s, {requestsPerEvent:0.00} req/event");

        await using var idle = await DtfxHub.StartAsync(connectionString, "dtfxidle", WorkItems, new WorkloadProgress());
        await Task.Delay(s_idleWarmUp);
        idle.Requests.Reset();
        await Task.Delay(s_idleWindow);
        var idleRate = idle.Requests.Total / s_idleWindow.TotalSeconds;
        Progress($"DTFx idle: {idleRate:0.00} req/s: {idle.Requests.Describe()}");

        return new DtfxReport
        {
            Settings = hub.Settings,
            ActivitySteps = steps,
            ActivityStepsPerSecond = steps / elapsed.TotalSeconds,
            RequestsPerActivityStep = chainRequests / (double)steps,
            CpuMsPerStep = cpuMsPerStep,
            MachineBusyDuringChains = machineBusy,
            ChainRequests = chainBreakdown,
            Events = chains * Workloads.EventsPerInstance,
            EventsPerSecond = eventsPerSecond,
            RequestsPerEvent = requestsPerEvent,
            IdleWarmUp = s_idleWarmUp,
            IdleWindow = s_idleWindow,
            IdleRequestsPerSecond = idleRate,
            IdleRequests = idle.Requests.Describe(),
        };
    }

    private static async Task<TimeSpan> RunChainsAsync(DtfxHub hub, WorkloadProgress progress, int chains, int firstIndex)
    {
        var target = progress.ChainsDone + chains;
        var watch = Stopwatch.StartNew();
        await BoundedAsync(chains, i => hub.Client.CreateOrchestrationInstanceAsync(Workloads.Chain, string.Empty, $"chain-{firstIndex + i:00000}", firstIndex + i));
        await WaitUntilAsync(() => progress.ChainsDone >= target);
        return watch.Elapsed;
    }

    private static async Task<(double PerSecond, double RequestsPerEvent)> RunEventsAsync(DtfxHub hub, WorkloadProgress progress, int instances)
    {
        var ids = await BoundedAsync(instances, i => hub.Client.CreateOrchestrationInstanceAsync(Workloads.Listener, string.Empty, $"listener-{i:00000}", null));
        await WaitUntilAsync(() => progress.ListenersStarted >= instances);
        await Task.Delay(TimeSpan.FromSeconds(2));
        hub.Requests.Reset();
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < Workloads.EventsPerInstance; round++)
        {
            await BoundedAsync(ids.Length, async i =>
            {
                await hub.Client.RaiseEventAsync(ids[i], Workloads.Tick, 1);
                return ids[i];
            });
        }

        await WaitUntilAsync(() => progress.ListenersDone >= instances);
        var events = instances * Workloads.EventsPerInstance;
        return (events / watch.Elapsed.TotalSeconds, hub.Requests.Total / (double)events);
    }

    /// <summary>Runs <paramref name="work"/> for 0..count-1, <see cref="WorkItems"/> at a time, as the project engine's bench does.</summary>
    private static async Task<T[]> BoundedAsync<T>(int count, Func<int, Task<T>> work)
    {
        var results = new T[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = WorkItems },
            async (i, _) => results[i] = await work(i));
        return results;
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        while (!done())
        {
            await Task.Delay(20);
        }
    }

    private static void Progress(string what) => Console.Error.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {what}");
}
