namespace QuyCheWorkflow.Durable;

/// <summary>Options of a sub-orchestration call.</summary>
public sealed record SubOrchestrationOptions : TaskOptions
{
    public SubOrchestrationOptions(string? instanceId = null, RetryPolicy? retry = null)
        : base(retry) => InstanceId = instanceId;

    /// <summary>Gets the child's instance id; null derives one deterministically from the parent.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Gets the child's version; null takes <see cref="DurableTaskOptions.DefaultVersion"/>.</summary>
    public string? Version { get; init; }
}
