using System.Text.Json.Serialization;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// One event of an orchestration's history, also the payload of every queue message.
/// WARNING: this is the persisted format of in-flight orchestrations; add optional members only.
/// </summary>
internal sealed record HistoryEvent(HistoryEventType Type, DateTimeOffset Timestamp)
{
    /// <summary>Gets the step's sequence number for scheduling events (task, timer, sub-orchestration, event sent); -1 otherwise.</summary>
    public int EventId { get; init; } = -1;

    /// <summary>Gets the sequence number of the scheduling event a completion answers.</summary>
    public int? TaskScheduledId { get; init; }

    public string? Name { get; init; }

    public string? Version { get; init; }

    public string? Input { get; init; }

    public string? Result { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    /// <summary>Gets the target instance (sub-orchestration, event sent) or the instance started.</summary>
    public string? InstanceId { get; init; }

    public string? ExecutionId { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ParentExecutionId { get; init; }

    /// <summary>Gets, on a sub-orchestration's <see cref="HistoryEventType.ExecutionStarted"/>, the parent's orchestrator name.</summary>
    public string? ParentName { get; init; }

    public DateTimeOffset? FireAt { get; init; }

    public OrchestrationRuntimeStatus? Status { get; init; }

    /// <summary>Gets the logical id of the message that delivered this event, for de-duplication.</summary>
    public string? MessageId { get; init; }

    /// <summary>Gets, on <see cref="HistoryEventType.OrchestratorStarted"/>, the queue message id the episode consumed.</summary>
    public string? InputMessageId { get; init; }

    /// <summary>
    /// Gets, on the first <see cref="HistoryEventType.OrchestratorStarted"/> of a generation begun by continue-as-new,
    /// what earlier generations sent that a crash may have lost: per generation its
    /// <see cref="HistoryEventType.ExecutionStarted"/> followed by the scheduling events to send again. Written in the
    /// same checkpoint that replaces the history, and re-sent when the message that began the generation comes back.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<HistoryEvent>>? Outbox { get; init; }

    /// <summary>
    /// Gets, on the first <see cref="HistoryEventType.OrchestratorStarted"/> of a generation begun by continue-as-new,
    /// the logical and queue message ids earlier generations consumed, so a redelivered one is not consumed again.
    /// </summary>
    public IReadOnlyList<string>? ConsumedMessageIds { get; init; }

    [JsonIgnore]
    public bool IsScheduling => Type is HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated
        or HistoryEventType.SubOrchestrationCreated or HistoryEventType.EventSent;

    public string Describe() => Type switch
    {
        HistoryEventType.TaskScheduled => $"activity '{Name}'",
        HistoryEventType.TimerCreated => $"timer firing at {FireAt:O}",
        HistoryEventType.SubOrchestrationCreated => $"sub-orchestration '{Name}' ({InstanceId})",
        HistoryEventType.EventSent => $"event '{Name}' sent to {InstanceId}",
        _ => Type.ToString(),
    };
}
