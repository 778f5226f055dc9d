namespace QuyCheWorkflow.Durable;

/// <summary>Recognising redelivered and duplicate messages, and ending an instance without running its code.</summary>
public sealed partial class DurableTaskDispatcher
{
    /// <summary>
    /// Null when the message is new to history; otherwise the index of the episode that consumed this very queue
    /// message (its outbound messages may not have been sent before a crash), or -1 for a plain duplicate.
    /// </summary>
    private static int? FindDuplicate(OrchestrationHistory history, TaskMessage message, string queueMessageId)
    {
        var incoming = message.Event;
        var seen = incoming.Type switch
        {
            HistoryEventType.ExecutionStarted => history.Started is not null,
            HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed or HistoryEventType.TimerFired
                or HistoryEventType.SubOrchestrationCompleted or HistoryEventType.SubOrchestrationFailed =>
                history.Events.Any(e => e.TaskScheduledId == incoming.TaskScheduledId && e.Type == incoming.Type)
                || !history.Events.Any(e => e.IsScheduling && e.EventId == incoming.TaskScheduledId),
            _ => history.Events.Any(e => e.MessageId == message.Id),
        };
        if (!seen)
        {
            return null;
        }

        for (var i = 0; i < history.Events.Count; i++)
        {
            var consumed = history.Events[i].InputMessageId;
            if (history.Events[i].Type == HistoryEventType.OrchestratorStarted && consumed is not null
                && (consumed == queueMessageId || consumed == message.CausedBy))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<HistoryEvent> EpisodeAt(IReadOnlyList<HistoryEvent> events, int start)
    {
        var episode = new List<HistoryEvent> { events[start] };
        for (var i = start + 1; i < events.Count && events[i].Type != HistoryEventType.OrchestratorStarted; i++)
        {
            episode.Add(events[i]);
        }

        return episode;
    }

    /// <summary>
    /// Ends an instance without running its code (terminate, poison). Returns false on a checkpoint conflict.
    /// </summary>
    private async Task<bool> ForceEndAsync(
        string instanceId,
        string inputMessageId,
        string logicalMessageId,
        OrchestrationRuntimeStatus status,
        string? output,
        TaskFailureDetails? failure,
        CancellationToken cancellationToken,
        OrchestrationHistory? history = null)
    {
        history ??= await _backend.LoadHistoryAsync(instanceId, cancellationToken);
        if (history.IsCompleted)
        {
            return true;
        }

        var executionId = history.ExecutionId;
        if (executionId is null)
        {
            var row = await _backend.GetInstanceAsync(instanceId, cancellationToken);
            if (row?.ExecutionId is null)
            {
                return true;
            }

            executionId = row.ExecutionId;
        }

        var now = _timeProvider.GetUtcNow();
        List<HistoryEvent> episode =
        [
            new(HistoryEventType.OrchestratorStarted, now) { InputMessageId = inputMessageId },
            new(status == OrchestrationRuntimeStatus.Terminated ? HistoryEventType.ExecutionTerminated : HistoryEventType.ExecutionCompleted, now)
            {
                Result = output,
                Status = status,
                Failure = failure,
                MessageId = logicalMessageId,
            },
        ];
        if (status == OrchestrationRuntimeStatus.Terminated)
        {
            episode.Add(new HistoryEvent(HistoryEventType.ExecutionCompleted, now) { Status = status, Result = output });
        }

        _historyCache.Remove(instanceId);
        if (await _backend.TryCommitAsync(new HistoryCommit(instanceId, history.ETag, executionId, false, episode, history.CustomStatus), cancellationToken) is null)
        {
            return false;
        }

        var full = history.Events.Concat(episode).ToList();
        await SendOutboundAsync(instanceId, full, episode, null, cancellationToken);
        await ProjectAsync(instanceId, executionId, full, history.CustomStatus, false, cancellationToken);
        return true;
    }
}
