namespace QuyCheWorkflow.Durable;

/// <summary>
/// One row of the instances table. Written whole by the client at start; merged by the dispatcher afterwards,
/// where a null member means "leave as stored".
/// </summary>
internal sealed record InstanceRecord(string InstanceId)
{
    public string? Name { get; init; }

    public string? Version { get; init; }

    public string? ExecutionId { get; init; }

    public OrchestrationRuntimeStatus? RuntimeStatus { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? LastUpdatedAt { get; init; }

    public bool? VersionNotServed { get; init; }

    /// <summary>
    /// Gets the history checkpoint this row was projected from. A merge carrying one is skipped when the stored row
    /// comes from a later checkpoint, so a slow worker never puts an older status over a newer one.
    /// </summary>
    public long? Checkpoint { get; init; }

    /// <summary>
    /// Gets, on a projection whose episode continued as new, the execution it started from: a row a client wrote for
    /// that execution is this projection's own (not persisted; only <see cref="Supersedes"/> reads it).
    /// </summary>
    public string? ContinuedFromExecutionId { get; init; }

    /// <summary>
    /// Whether a projection may overwrite the stored row: not when the row comes from a later checkpoint, nor when a
    /// client (re)start wrote it (no checkpoint) for another execution than the projection's.
    /// </summary>
    public static bool Supersedes(InstanceRecord update, long? storedCheckpoint, string? storedExecutionId) =>
        storedCheckpoint is { } stored
            ? stored <= (update.Checkpoint ?? long.MaxValue)
            : storedExecutionId is null || update.ExecutionId is null || storedExecutionId == update.ExecutionId
                || storedExecutionId == update.ContinuedFromExecutionId;

    public InstanceRecord MergeFrom(InstanceRecord update) => this with
    {
        Name = update.Name ?? Name,
        Version = update.Version ?? Version,
        ExecutionId = update.ExecutionId ?? ExecutionId,
        RuntimeStatus = update.RuntimeStatus ?? RuntimeStatus,
        Input = update.Input ?? Input,
        Output = update.Output ?? Output,
        CustomStatus = update.CustomStatus ?? CustomStatus,
        Failure = update.Failure ?? Failure,
        CreatedAt = update.CreatedAt ?? CreatedAt,
        LastUpdatedAt = update.LastUpdatedAt ?? LastUpdatedAt,
        VersionNotServed = update.VersionNotServed ?? VersionNotServed,
        Checkpoint = update.Checkpoint ?? Checkpoint,
    };

    public OrchestrationMetadata ToMetadata(bool withInputsAndOutputs) => new(Name ?? string.Empty, InstanceId)
    {
        RuntimeStatus = RuntimeStatus ?? OrchestrationRuntimeStatus.Pending,
        CreatedAt = CreatedAt ?? default,
        LastUpdatedAt = LastUpdatedAt ?? default,
        SerializedInput = withInputsAndOutputs ? Input : null,
        SerializedOutput = withInputsAndOutputs ? Output : null,
        SerializedCustomStatus = CustomStatus,
        FailureDetails = Failure,
        DataConverter = DurableJsonDataConverter.Instance,
    };

    public bool Matches(OrchestrationQuery query) =>
        (query.Statuses is not { Count: > 0 } statuses || statuses.Contains(RuntimeStatus ?? OrchestrationRuntimeStatus.Pending))
        && (query.CreatedFrom is not { } from || CreatedAt >= from)
        && (query.CreatedTo is not { } to || CreatedAt <= to)
        && (query.InstanceIdPrefix is not { } prefix || InstanceId.StartsWith(prefix, StringComparison.Ordinal));
}
