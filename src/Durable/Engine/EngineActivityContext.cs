namespace QuyCheWorkflow.Durable;

/// <summary>What an activity run by the engine knows about the call it serves.</summary>
internal sealed class EngineActivityContext(TaskName name, string instanceId, int taskId, CancellationToken cancellationToken) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    /// <summary>Gets the call's sequence number in the calling orchestration's history.</summary>
    public int TaskId { get; } = taskId;

    /// <summary>Gets the token signalled when the worker shuts down or the delivery is abandoned.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
}
