namespace QuyCheWorkflow.Durable;

/// <summary>Control messages: classify against history, run an episode, checkpoint.</summary>
public sealed partial class DurableTaskDispatcher
{
    private async Task ProcessOrchestrationMessageAsync(DurableQueueMessage queueMessage, TaskMessage message, int inlineBudget, CancellationToken cancellationToken)
    {
        var instanceId = message.InstanceId;
        for (var attempt = 1; ; attempt++)
        {
            var cached = attempt == 1 ? _historyCache.Get(instanceId) : null;
            var history = cached ?? await _backend.LoadHistoryAsync(instanceId, cancellationToken);
            var newExecution = false;
            var consumer = history.ExecutionId is null ? null : FindConsumingEpisode(history, queueMessage.MessageId, message.CausedBy);
            var decidesWithoutCommit = history.ExecutionId is null || consumer is not null
                || (message.ExecutionId is not null && message.ExecutionId != history.ExecutionId)
                || history.IsCompleted
                || IsDuplicate(history, message);
            if (cached is not null && decidesWithoutCommit)
            {
                // Only the conditional commit guards against a stale cache; decide anything else on fresh history.
                _historyCache.Remove(instanceId);
                continue;
            }

            if (consumer is { } consumedAt)
            {
                // This very queue message was consumed by a checkpoint whose messages may not all have been sent.
                Log.EpisodeRedone(_logger, instanceId, queueMessage.MessageId);
                await RedoOutboundAsync(instanceId, history, consumedAt, cancellationToken);
                await ProjectAsync(instanceId, history.ExecutionId, history.Events, history.CustomStatus, true, history.Checkpoint, null, cancellationToken);
                return;
            }

            if (history.ExecutionId is null || (message.ExecutionId is not null && message.ExecutionId != history.ExecutionId))
            {
                // The instance row names the current execution (a restart rewrites it before sending its start), so a
                // point read tells whether this message belongs to it, a first start included.
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
            else if (IsDuplicate(history, message))
            {
                Log.MessageDropped(_logger, message.Id, instanceId, "already in history");
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
            if (!_tasks.ServesOrchestrator(name, started.Version))
            {
                Log.VersionNotServed(_logger, instanceId, name, started.Version ?? string.Empty);
                var retryAt = _timeProvider.GetUtcNow() + _options.UnservedRetryDelay;
                await SendAsync(queueMessage.QueueName, message with { NotBefore = retryAt }, retryAt, cancellationToken);
                await _backend.MergeInstanceAsync(new InstanceRecord(instanceId) { VersionNotServed = true }, cancellationToken);
                return;
            }

            var episode = RunEpisodes(instanceId, newExecution ? OrchestrationHistory.Empty : history, message, queueMessage.MessageId);
            var commit = new HistoryCommit(
                instanceId,
                history.ETag,
                episode.ExecutionId,
                newExecution || episode.Replaced,
                episode.Replaced || newExecution ? episode.FinalHistory : episode.FinalEpisode,
                episode.CustomStatus)
            {
                Checkpoint = history.Checkpoint + 1,
            };
            var token = await _backend.TryCommitAsync(commit, cancellationToken);
            if (token is null)
            {
                _historyCache.Remove(instanceId);
                if (attempt >= MaxCheckpointAttempts)
                {
                    throw new InvalidOperationException($"Checkpoint of {instanceId} kept conflicting after {attempt} attempts.");
                }

                Log.CheckpointConflict(_logger, instanceId, attempt);
                continue;
            }

            _historyCache.Set(instanceId, new OrchestrationHistory(episode.ExecutionId, episode.FinalHistory, token, episode.CustomStatus) { Checkpoint = commit.Checkpoint });
            var inline = InlineCandidates(episode.FinalEpisode, inlineBudget);
            var heldBack = new List<(HistoryEvent, ReceivedMessage)>();
            foreach (var (executionHistory, episodeEvents) in episode.Outbound)
            {
                var isFinal = ReferenceEquals(episodeEvents, episode.FinalEpisode);
                heldBack.AddRange(await SendOutboundAsync(instanceId, executionHistory, episodeEvents, isFinal ? inline : null, cancellationToken));
            }

            // The row is a projection for queries: rewritten when what it shows changes, not on every step.
            var changed = newExecution || episode.Replaced || episode.CustomStatus != history.CustomStatus
                || StatusOf(episode.FinalHistory) != StatusOf(history.Events);
            if (changed)
            {
                await ProjectAsync(
                    instanceId,
                    episode.ExecutionId,
                    episode.FinalHistory,
                    episode.CustomStatus,
                    newExecution || episode.Replaced,
                    commit.Checkpoint,
                    episode.Replaced ? history.ExecutionId ?? message.ExecutionId : null,
                    cancellationToken);
            }

            if (heldBack.Count > 0)
            {
                await RunInlineAsync(instanceId, episode.ExecutionId, heldBack, inlineBudget - heldBack.Count, cancellationToken);
            }

            return;
        }
    }

    /// <summary>
    /// Runs the orchestrator over history plus the new message, following continue-as-new into fresh generations
    /// within the same checkpoint.
    /// </summary>
    private EpisodeRun RunEpisodes(string instanceId, OrchestrationHistory history, TaskMessage message, string inputMessageId)
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
            var context = new ReplayOrchestrationContext(instanceId, started.Name ?? string.Empty, started.Version, customStatus, _options.DataConverter, _loggerFactory);
            EpisodeResult result;
            using (var span = DurableTelemetry.StartEpisode(instanceId, started.Name ?? string.Empty))
            {
                result = context.Execute(_tasks.CreateOrchestrator(started.Name ?? string.Empty, started.Version), past, fresh);
                DurableTelemetry.End(span, result.Outcome.ToString(), result.Failure);
            }

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
            var (carriedOutbox, consumed) = Handover(full, episode);
            past = [];
            fresh =
            [
                new HistoryEvent(HistoryEventType.OrchestratorStarted, now) { InputMessageId = inputMessageId, Outbox = carriedOutbox, ConsumedMessageIds = consumed },
                started with { Input = result.Output, ExecutionId = executionId, Timestamp = now, MessageId = null },
                .. result.CarriedEvents,
            ];
        }
    }

    /// <summary>
    /// What a generation ending in continue-as-new hands to the next one: the messages it sent that a crash could
    /// lose once its history is replaced (everything its final step sent, plus events and sub-orchestrations it
    /// started earlier), and the ids of the messages it consumed. Both are bounded, keeping the newest.
    /// </summary>
    private static (IReadOnlyList<IReadOnlyList<HistoryEvent>> Outbox, IReadOnlyList<string> Consumed) Handover(
        IReadOnlyList<HistoryEvent> generation, IReadOnlyList<HistoryEvent> finalEpisode)
    {
        var first = generation.FirstOrDefault(e => e.Type == HistoryEventType.OrchestratorStarted);
        var started = generation.First(e => e.Type == HistoryEventType.ExecutionStarted) with { Input = null };
        var sent = generation
            .Where(e => e.Type is HistoryEventType.EventSent or HistoryEventType.SubOrchestrationCreated
                || (e.IsScheduling && finalEpisode.Contains(e)))
            .ToList();
        var outbox = (first?.Outbox ?? []).ToList();
        if (sent.Count > 0)
        {
            outbox.Add([started, .. sent]);
        }

        var consumed = (first?.ConsumedMessageIds ?? [])
            .Concat(generation.SelectMany(e => new[] { e.MessageId, e.InputMessageId }).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (outbox.TakeLast(MaxOutboxGenerations).ToList(), consumed.TakeLast(MaxConsumedIds).ToList());
    }

    /// <summary>The activities of an episode to run in process, when they fit the remaining budget.</summary>
    private HashSet<int> InlineCandidates(IReadOnlyList<HistoryEvent> episode, int budget)
    {
        var scheduled = episode.Where(e => e.Type == HistoryEventType.TaskScheduled).ToList();
        return scheduled.Count == 0 || scheduled.Count > budget || scheduled.Any(e => !_tasks.ServesActivity(e.Name ?? string.Empty))
            ? []
            : scheduled.Select(e => e.EventId).ToHashSet();
    }

    private sealed record EpisodeRun(
        string ExecutionId,
        IReadOnlyList<HistoryEvent> FinalHistory,
        IReadOnlyList<HistoryEvent> FinalEpisode,
        bool Replaced,
        string? CustomStatus,
        IReadOnlyList<(IReadOnlyList<HistoryEvent> History, IReadOnlyList<HistoryEvent> Episode)> Outbound);
}
