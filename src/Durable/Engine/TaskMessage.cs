namespace QuyCheWorkflow.Durable;

/// <summary>
/// A queue message: an event for an orchestration instance (control queue) or an activity call (work-item queue).
/// </summary>
/// <param name="Id">Logical id, stable across re-sends of the same message, used for de-duplication.</param>
/// <param name="InstanceId">The orchestration the event belongs to.</param>
/// <param name="ExecutionId">The generation it belongs to; null means whichever generation is current.</param>
/// <param name="Event">The event.</param>
internal sealed record TaskMessage(string Id, string InstanceId, string? ExecutionId, HistoryEvent Event)
{
    /// <summary>Gets, for a message re-armed before its time, when it may be processed.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Gets, on an activity result, the queue message id of the work item that produced it.</summary>
    public string? CausedBy { get; init; }
}
