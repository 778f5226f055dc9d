namespace QuyCheWorkflow.Durable;

/// <summary>Control messages: classify against history, run an episode, checkpoint.</summary>
public sealed partial class DurableTaskDispatcher
{
    private async Task ProcessOrchestrationMessageAsync(DurableQueueMessage queueMessage, TaskMessage message, CancellationToken cancellationToken)
    {
        var instanceId = message.InstanceId;
        for (var attempt = 1; ; attempt++)
        {
            var history = await _backend.LoadHistoryAsync(instanceId, cancellationToken);
            var newExecution = false;
            if (history.ExecutionId is null || (message.ExecutionId is not null && message.ExecutionId != history.ExecutionId))
            {
                var row = await _backend.GetInstanceAsync(instanceId, cancellationToken);
                if (row is null)
                {
                    Log.MessageDropped(_logger, message.Id, instanceId, "the instance does not exist");
                    return;
                }

                if (message.Event.Type == HistoryEventType.ExecutionStarted)
                {
                    if (row.ExecutionId != message.ExecutionId)
                    {
                        Log.MessageDropped(_logger, message.Id, instanceId, "start of a superseded execution");
                        return;
                    }

                    newExecution = true;
                }
                else if (history.ExecutionId is null && message.Event.Type == HistoryEventType.ExecutionTerminated)
                {
                    await ForceEndAsync(instanceId, queueMessage.MessageId, message.Id, OrchestrationRuntimeStatus.Terminated, message.Event.Result, null, cancellationToken);
                    return;
                }
                else if (history.ExecutionId is null)
                {
                    await SendAsync(queueMessage.QueueName, message with { NotBefore = _timeProvider.GetUtcNow() + _options.EarlyMessageRetryDelay }, _timeProvider.GetUtcNow() + _options.EarlyMessageRetryDelay, cancellationToken);
                    return;
                }
                else
                {
                    Log.MessageDropped(_logger, message.Id, instanceId, "message of an older generation");
                    return;
                }
            }
            else if (FindDuplicate(history, message, queueMessage.MessageId) is { } duplicate)
            {
                if (duplicate >= 0)
                {
                    Log.EpisodeRedone(_logger, instanceId, queueMessage.MessageId);
                    await SendOutboundAsync(instanceId, history.Events, EpisodeAt(history.Events, duplicate), cancellationToken);
                    await ProjectAsync(instanceId, history.ExecutionId, history.Events, history.CustomStatus, true, cancellationToken);
                }
                else
                {
                    Log.MessageDropped(_logger, message.Id, instanceId, "already in history");
                }

                return;
            }
            else if (history.IsCompleted)
            {
                Log.MessageDropped(_logger, message.Id, instanceId, "the instance has finished");
                return;
            }

            if (message.Event.Type == HistoryEventType.ExecutionTerminated)
            {
                if (await ForceEndAsync(instanceId, queueMessage.MessageId, message.Id, OrchestrationRuntimeStatus.Terminated, message.Event.Result, null, cancellationToken, history))
                {
                    return;
                }

                Log.CheckpointConflict(_logger, instanceId, attempt);
                continue;
            }

            var started = newExecution ? message.Event : history.Started!;
            var name = started.Name ?? string.Empty;
            if (_options.Registry.FindOrchestrator(name, started.Version) is not { } factory)
            {
                Log.VersionNotServed(_logger, instanceId, name, started.Version ?? string.Empty);
                var retryAt = _timeProvider.GetUtcNow() + _options.UnservedRetryDelay;
                await SendAsync(queueMessage.QueueName, message with { NotBefore = retryAt }, retryAt, cancellationToken);
                await _backend.MergeInstanceAsync(new InstanceRecord(instanceId) { VersionNotServed = true }, cancellationToken);
                return;
            }

            var episode = RunEpisodes(factory, instanceId, newExecution ? OrchestrationHistory.Empty : history, message, queueMessage.MessageId);
            var commit = new HistoryCommit(
                instanceId,
                history.ETag,
                episode.ExecutionId,
                newExecution || episode.Replaced,
                episode.Replaced || newExecution ? episode.FinalHistory : episode.FinalEpisode,
                episode.CustomStatus);
            if (!await _backend.TryCommitAsync(commit, cancellationToken))
            {
                if (attempt >= MaxCheckpointAttempts)
                {
                    throw new InvalidOperationException($"Checkpoint of {instanceId} kept conflicting after {attempt} attempts.");
                }

                Log.CheckpointConflict(_logger, instanceId, attempt);
                continue;
            }

            foreach (var (executionHistory, episodeEvents) in episode.Outbound)
            {
                await SendOutboundAsync(instanceId, executionHistory, episodeEvents, cancellationToken);
            }

            await ProjectAsync(instanceId, episode.ExecutionId, episode.FinalHistory, episode.CustomStatus, newExecution || episode.Replaced, cancellationToken);
            return;
        }
    }

    /// <summary>
    /// Runs the orchestrator over history plus the new message, following continue-as-new into fresh generations
    /// within the same checkpoint.
    /// </summary>
    private EpisodeRun RunEpisodes(Func<IServiceProvider, ITaskOrchestrator> factory, string instanceId, OrchestrationHistory history, TaskMessage message, string inputMessageId)
    {
        var now = _timeProvider.GetUtcNow();
        var past = history.Events;
        var executionId = history.ExecutionId ?? message.ExecutionId!;
        var customStatus = history.CustomStatus;
        var incoming = message.Event with { MessageId = message.Id };
        var fresh = new List<HistoryEvent> { new(HistoryEventType.OrchestratorStarted, now) { InputMessageId = inputMessageId }, incoming };
        var outbound = new List<(IReadOnlyList<HistoryEvent>, IReadOnlyList<HistoryEvent>)>();
        var replaced = false;
        for (var generation = 0; ; generation++)
        {
            var started = past.Concat(fresh).First(e => e.Type == HistoryEventType.ExecutionStarted);
            var context = new TaskOrchestrationContext(instanceId, started.Name ?? string.Empty, started.Version, customStatus, _loggerFactory);
            var result = context.Execute(factory(_services), past, fresh);
            customStatus = result.CustomStatus;
            var episode = new List<HistoryEvent>(fresh);
            episode.AddRange(result.NewActions.Select(a => a with { Timestamp = now }));
            if (result.Outcome is EpisodeOutcome.Completed or EpisodeOutcome.Failed or EpisodeOutcome.Terminated)
            {
                episode.Add(new HistoryEvent(HistoryEventType.ExecutionCompleted, now)
                {
                    Status = result.Outcome switch
                    {
                        EpisodeOutcome.Completed => OrchestrationRuntimeStatus.Completed,
                        EpisodeOutcome.Failed => OrchestrationRuntimeStatus.Failed,
                        _ => OrchestrationRuntimeStatus.Terminated,
                    },
                    Result = result.Output,
                    Failure = result.Failure,
                });
                if (result.Failure is { } failure)
                {
                    Log.OrchestrationFailed(_logger, instanceId, failure.ErrorType, failure.ErrorMessage);
                }
            }

            var full = past.Concat(episode).ToList();
            outbound.Add((full, episode));
            if (result.Outcome != EpisodeOutcome.ContinuedAsNew || generation >= MaxContinueAsNewPerMessage)
            {
                return new EpisodeRun(executionId, full, episode, replaced, customStatus, outbound);
            }

            replaced = true;
            executionId = DeterministicGuid.Create($"{instanceId}:{executionId}:next").ToString("N");
            past = [];
            fresh =
            [
                new HistoryEvent(HistoryEventType.OrchestratorStarted, now) { InputMessageId = inputMessageId },
                started with { Input = result.Output, ExecutionId = executionId, Timestamp = now, MessageId = null },
                .. result.CarriedEvents,
            ];
        }
    }

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
            if (history.Events[i].Type == HistoryEventType.OrchestratorStarted && history.Events[i].InputMessageId == queueMessageId)
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

        if (!await _backend.TryCommitAsync(new HistoryCommit(instanceId, history.ETag, executionId, false, episode, history.CustomStatus), cancellationToken))
        {
            return false;
        }

        var full = history.Events.Concat(episode).ToList();
        await SendOutboundAsync(instanceId, full, episode, cancellationToken);
        await ProjectAsync(instanceId, executionId, full, history.CustomStatus, false, cancellationToken);
        return true;
    }

    private sealed record EpisodeRun(
        string ExecutionId,
        IReadOnlyList<HistoryEvent> FinalHistory,
        IReadOnlyList<HistoryEvent> FinalEpisode,
        bool Replaced,
        string? CustomStatus,
        IReadOnlyList<(IReadOnlyList<HistoryEvent> History, IReadOnlyList<HistoryEvent> Episode)> Outbound);
}
