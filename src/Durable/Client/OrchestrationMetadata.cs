namespace QuyCheWorkflow.Durable;

/// <summary>A snapshot of an orchestration instance's status, as stored in the instances table.</summary>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public string Version { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the status, custom status or output last changed (not every step: the row is rewritten only then).</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Gets the JSON input; null unless inputs and outputs were asked for.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>Gets the JSON output; null unless inputs and outputs were asked for.</summary>
    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>
    /// Gets whether a worker saw this instance but serves no orchestrator for its name and version: its messages are
    /// kept and retried, the instance is left untouched until a worker serving that version runs.
    /// </summary>
    public bool IsVersionNotServed { get; init; }

    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;

    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
        or OrchestrationRuntimeStatus.Terminated;

    public T? ReadInputAs<T>() => DurableJson.Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => DurableJson.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => DurableJson.Deserialize<T>(SerializedCustomStatus);
}
