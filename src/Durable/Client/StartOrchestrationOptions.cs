namespace QuyCheWorkflow.Durable;

/// <summary>Options of <see cref="DurableTaskClient.ScheduleNewOrchestrationInstanceAsync"/>.</summary>
public sealed record StartOrchestrationOptions
{
    /// <summary>Gets the instance id; null for a new random one.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Gets when the orchestration starts; null for now.</summary>
    public DateTimeOffset? StartAt { get; init; }

    /// <summary>Gets the version stamped on the instance; null for <see cref="DurableTaskOptions.DefaultVersion"/>.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// Gets the statuses of an existing instance with the same id that make the start be refused with
    /// <see cref="OrchestrationAlreadyExistsException"/>. An existing instance in any other status is replaced by a
    /// new execution. Defaults to Pending, Running and Suspended (durabletask's behaviour).
    /// </summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus> DedupeStatuses { get; init; } =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];
}
