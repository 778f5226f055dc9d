using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace QuyCheWorkflow.Durable.Reference.Tests.Engines;

/// <summary>
/// One engine's task hub, running every orchestrator and activity of <see cref="Cases.ReferenceCases"/>, seen the way
/// a client of the official SDK sees it: what a case can do to an instance and what it can read back. Payloads and
/// outputs are serialized with the official <c>JsonDataConverter</c>, whatever the engine uses underneath, so the same
/// case compares the same text on every engine. Safe to call concurrently: the cases of one engine run at once.
/// </summary>
public interface IOrchestrationEngine : IAsyncDisposable
{
    /// <summary>The name the theory shows for this engine (see <see cref="ReferenceEngines"/>).</summary>
    public string Name { get; }

    /// <summary>Starts <paramref name="orchestrator"/> under <see cref="StartOrchestrationOptions.InstanceId"/> (required here) and <see cref="StartOrchestrationOptions.Version"/>.</summary>
    public Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestrator, object? input, StartOrchestrationOptions options, CancellationToken cancellationToken = default);

    /// <summary>Sends an event to a running (or not yet started) instance.</summary>
    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload, CancellationToken cancellationToken = default);

    /// <summary>Terminates the instance; <paramref name="output"/> becomes its output, serialized as an orchestrator's would be.</summary>
    public Task TerminateInstanceAsync(string instanceId, object? output, CancellationToken cancellationToken = default);

    /// <summary>Suspends the instance: it takes in events but does not run until resumed.</summary>
    public Task SuspendInstanceAsync(string instanceId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Resumes a suspended instance.</summary>
    public Task ResumeInstanceAsync(string instanceId, string reason, CancellationToken cancellationToken = default);

    /// <summary>The latest execution of the instance with its input, output and custom status; null when there is none.</summary>
    public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}
