using System.Collections.Concurrent;
using QuyCheWorkflow.Durable.Reference.Tests.Cases;
using QuyCheWorkflow.Durable.Reference.Tests.Engines;

namespace QuyCheWorkflow.Durable.Reference.Tests;

/// <summary>
/// One task hub per engine for the test class, and every case run on it at once: the first case asked of an engine
/// starts the engine and all cases, later ones find their run under way or done. Each case works only on instances
/// of its own, so nothing but load is shared, and the class takes about as long as its slowest case.
/// </summary>
public sealed class ReferenceRuns : IAsyncDisposable
{
    // Not a speed assertion: an instance that is stuck (e.g. an episode its engine cannot save) would otherwise hang
    // the run; any case ends in seconds even on a busy machine.
    private static readonly TimeSpan s_stuckAfter = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<EngineRun>>> _runs = new(StringComparer.Ordinal);

    public async Task<CaseResult> RunAsync(string engine, ReferenceCase referenceCase, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(referenceCase);
        var run = await _runs.GetOrAdd(engine, name => new Lazy<Task<EngineRun>>(() => StartAsync(name, connectionString))).Value;
        return await run.Results[referenceCase.Name];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var run in _runs.Values.Where(r => r.IsValueCreated))
        {
            var started = await run.Value;
            await Task.WhenAll(started.Results.Values.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
            await started.Engine.DisposeAsync();
        }

        _stop.Dispose();
    }

    private async Task<EngineRun> StartAsync(string engine, string connectionString)
    {
        var engineInstance = await ReferenceEngines.StartAsync(engine, connectionString, "reference" + engine.ToLowerInvariant(), ReferenceCases.Tasks);
        var results = ReferenceCases.All.ToDictionary(c => c.Name, c => RunCaseAsync(engineInstance, c), StringComparer.Ordinal);
        return new EngineRun(engineInstance, results);
    }

    private async Task<CaseResult> RunCaseAsync(IOrchestrationEngine engine, ReferenceCase referenceCase)
    {
        using var stuck = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        stuck.CancelAfter(s_stuckAfter);
        var driver = new CaseDriver(engine, referenceCase.Name, stuck.Token);
        try
        {
            var final = await referenceCase.Drive(driver);
            return new CaseResult(final, driver.Observations);
        }
        catch (OperationCanceledException) when (stuck.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            throw new TimeoutException($"{referenceCase.Name} on {engine.Name} did not reach its end within {s_stuckAfter}; observed so far: {string.Join(", ", driver.Observations)}.");
        }
    }

    private sealed record EngineRun(IOrchestrationEngine Engine, IReadOnlyDictionary<string, Task<CaseResult>> Results);
}
