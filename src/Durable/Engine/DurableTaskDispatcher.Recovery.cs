namespace QuyCheWorkflow.Durable;

/// <summary>Recognising redelivered and duplicate messages, and ending an instance without running its code.</summary>
public sealed partial class DurableTaskDispatcher
{
    /// <summary>True when history (or an earlier generation, for events) already holds the message's event.</summary>
    private static bool IsDuplicate(OrchestrationHistory history, TaskMessage message)
    {
        var incoming = message.Event;
        return incoming.Type switch
        {
            HistoryEventType.ExecutionStarted => history.Started is not null,
            HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed or HistoryEventType.TimerFired
                or HistoryEventType.SubOrchestrationCompleted or HistoryEventType.SubOrchestrationFailed =>
                history.Events.Any(e => e.TaskScheduledId == incoming.TaskScheduledId && e.Type == incoming.Type)
                || !history.Events.Any(e => e.IsScheduling && e.EventId == incoming.TaskScheduledId),
            _ => history.Events.Any(e => e.MessageId == message.Id || e.ConsumedMessageIds?.Contains(message.Id) == true),
        };
    }

    /// <summary>
    /// Null when no checkpoint consumed this queue message; otherwise the index of the episode of the current
    /// generation that consumed it, or -1 when an earlier generation did. Matches the queue message id, or for an
    /// activity result the work item that produced it (which a checkpoint consumed when the activity ran inline).
    /// </summary>
    private static int? FindConsumingEpisode(OrchestrationHistory history, string queueMessageId, string? causedBy)
    {
        bool Matches(string? consumed) => consumed is not null && (consumed == queueMessageId || consumed == causedBy);
        HistoryEvent? first = null;
        for (var i = 0; i < history.Events.Count; i++)
        {
            if (history.Events[i].Type != HistoryEventType.OrchestratorStarted)
            {
                continue;
            }

            first ??= history.Events[i];
            if (Matches(history.Events[i].InputMessageId))
            {
                return i;
            }
        }

        return first?.ConsumedMessageIds?.Any(Matches) == true ? -1 : null;
    }

    /// <summary>
    /// Sends again what the consuming episode sent, and, when it began the generation or belongs to an earlier one,
    /// what earlier generations handed over. Receivers drop what they already have.
    /// </summary>
    private async Task RedoOutboundAsync(string instanceId, OrchestrationHistory history, int consumedAt, CancellationToken cancellationToken)
    {
        var firstEpisode = history.Events.Select((e, i) => (e, i)).FirstOrDefault(x => x.e.Type == HistoryEventType.OrchestratorStarted);
        if (consumedAt < 0 || consumedAt == firstEpisode.i)
        {
            foreach (var generation in firstEpisode.e?.Outbox ?? [])
            {
                await SendOutboundAsync(instanceId, generation, generation, null, cancellationToken);
            }
        }

        if (consumedAt >= 0)
        {
            await SendOutboundAsync(instanceId, history.Events, EpisodeAt(history.Events, consumedAt), null, cancellationToken);
        }
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
        var commit = new HistoryCommit(instanceId, history.ETag, executionId, false, episode, history.CustomStatus) { Checkpoint = history.Checkpoint + 1 };
        if (await _backend.TryCommitAsync(commit, cancellationToken) is null)
        {
            return false;
        }

        var full = history.Events.Concat(episode).ToList();
        await SendOutboundAsync(instanceId, full, episode, null, cancellationToken);
        await ProjectAsync(instanceId, executionId, full, history.CustomStatus, false, commit.Checkpoint, null, cancellationToken);
        return true;
    }
}
