using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using QuyCheWorkflow.Durable.Reference.Tests.Engines;

namespace QuyCheWorkflow.Durable.Reference.Tests.Cases;

/// <summary>
/// What a case's driver does to one engine: start instances under ids of its own, raise events, terminate, read back,
/// and note observations that the expected outcome checks besides the final state. Not thread-safe: one per case run.
/// </summary>
public sealed class CaseDriver(IOrchestrationEngine engine, string caseName, CancellationToken cancellationToken)
{
    // An id of its own per run keeps a case from meeting an instance of an earlier run on a task hub that outlives it.
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly Dictionary<string, string> _observations = new(StringComparer.Ordinal);
    private int _instances;

    public IReadOnlyDictionary<string, string> Observations => _observations;

    /// <summary>Starts <paramref name="orchestrator"/> (at <paramref name="version"/> when given) and returns the new instance's id.</summary>
    public Task<string> StartAsync(TaskName orchestrator, object? input = null, string? version = null)
    {
        var options = new StartOrchestrationOptions { InstanceId = $"{caseName}-{_runId}-{++_instances}" };
        if (version is not null)
        {
            options = options with { Version = new TaskVersion(version) };
        }

        return engine.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, cancellationToken);
    }

    public Task RaiseAsync(string instanceId, string eventName, object? payload = null) =>
        engine.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, object? output) =>
        engine.TerminateInstanceAsync(instanceId, output, cancellationToken);

    public Task SuspendAsync(string instanceId, string reason) =>
        engine.SuspendInstanceAsync(instanceId, reason, cancellationToken);

    public Task ResumeAsync(string instanceId, string reason) =>
        engine.ResumeInstanceAsync(instanceId, reason, cancellationToken);

    public Task<OrchestrationMetadata?> GetAsync(string instanceId) =>
        engine.GetInstanceAsync(instanceId, cancellationToken);

    public Task<OrchestrationMetadata> UntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition) =>
        engine.WaitUntilAsync(instanceId, condition, cancellationToken);

    /// <summary>Waits until the instance's custom status reads <paramref name="customStatus"/>.</summary>
    public Task<OrchestrationMetadata> UntilCustomStatusAsync(string instanceId, string customStatus) =>
        UntilAsync(instanceId, m => m.SerializedCustomStatus is not null && m.ReadCustomStatusAs<string>() == customStatus);

    public Task<OrchestrationMetadata> CompletionAsync(string instanceId) =>
        engine.WaitForInstanceCompletionAsync(instanceId, cancellationToken);

    /// <summary>Notes a fact seen while driving, for <see cref="ExpectedOutcome.Observations"/>.</summary>
    public void Observe(string what, object? value) =>
        _observations[what] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "(null)";
}
