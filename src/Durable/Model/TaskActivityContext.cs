namespace QuyCheWorkflow.Durable;

/// <summary>What an activity knows about the call it serves.</summary>
/// <param name="Name">The activity's registered name.</param>
/// <param name="InstanceId">The calling orchestration instance.</param>
/// <param name="TaskId">The call's sequence number in that orchestration's history.</param>
/// <param name="CancellationToken">Signalled when the worker shuts down.</param>
public sealed record TaskActivityContext(string Name, string InstanceId, int TaskId, CancellationToken CancellationToken);
