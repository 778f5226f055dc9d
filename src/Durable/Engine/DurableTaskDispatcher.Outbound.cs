namespace QuyCheWorkflow.Durable;

/// <summary>
/// What a committed episode sends and how the instances table is refreshed. Both are derived from history alone,
/// so they can be redone after a crash between the checkpoint and the deletion of the input message; receivers
/// de-duplicate what arrives twice.
/// </summary>
public sealed partial class DurableTaskDispatcher
{
    /// <summary>
    /// Sends what the episode produced. Activities in <paramref name="inline"/> are sent hidden (a safety net for the
    /// in-process run) and returned with their handles.
    /// </summary>
    private async Task<List<(HistoryEvent Scheduled, ReceivedMessage WorkItem)>> SendOutboundAsync(
        string instanceId, IReadOnlyList<HistoryEvent> fullHistory, IReadOnlyList<HistoryEvent> episode, HashSet<int>? inline, CancellationToken cancellationToken)
    {
        var heldBack = new List<(HistoryEvent, ReceivedMessage)>();
        var started = fullHistory.FirstOrDefault(e => e.Type == HistoryEventType.ExecutionStarted);
        var executionId = started?.ExecutionId;
        var controlQueue = _backend.ControlQueueFor(instanceId);
        foreach (var historyEvent in episode)
        {
            var id = historyEvent.EventId;
            switch (historyEvent.Type)
            {
                case HistoryEventType.TaskScheduled:
                    var workItem = new TaskMessage($"{instanceId}:{executionId}:{id}", instanceId, executionId, historyEvent);
                    if (inline?.Contains(id) == true)
                    {
                        var hiddenUntil = _timeProvider.GetUtcNow() + _options.MessageVisibilityTimeout;
                        heldBack.Add((historyEvent, await SendAsync(_backend.WorkItemQueueName, workItem, hiddenUntil, cancellationToken)));
                    }
                    else
                    {
                        await SendAsync(_backend.WorkItemQueueName, workItem, null, cancellationToken);
                    }

                    break;
                case HistoryEventType.TimerCreated:
                    var fired = new HistoryEvent(HistoryEventType.TimerFired, historyEvent.Timestamp) { TaskScheduledId = id, FireAt = historyEvent.FireAt };
                    await SendAsync(controlQueue, new TaskMessage($"{instanceId}:{executionId}:{id}", instanceId, executionId, fired) { NotBefore = historyEvent.FireAt }, historyEvent.FireAt, cancellationToken);
                    break;
                case HistoryEventType.SubOrchestrationCreated:
                    await StartChildAsync(instanceId, executionId!, started?.Name, historyEvent, cancellationToken);
                    break;
                case HistoryEventType.EventSent:
                    var raised = new HistoryEvent(HistoryEventType.EventRaised, historyEvent.Timestamp) { Name = historyEvent.Name, Input = historyEvent.Input };
                    var target = historyEvent.InstanceId!;
                    await SendAsync(_backend.ControlQueueFor(target), new TaskMessage($"{instanceId}:{executionId}:{id}", target, null, raised), null, cancellationToken);
                    break;
                case HistoryEventType.ExecutionCompleted when started?.ParentInstanceId is { } parent:
                    var succeeded = historyEvent.Status == OrchestrationRuntimeStatus.Completed;
                    var answer = new HistoryEvent(succeeded ? HistoryEventType.SubOrchestrationCompleted : HistoryEventType.SubOrchestrationFailed, historyEvent.Timestamp)
                    {
                        TaskScheduledId = started.TaskScheduledId,
                        Result = historyEvent.Result,
                        Failure = succeeded ? null : historyEvent.Failure ?? new TaskFailureDetails("Terminated", $"Sub-orchestration {instanceId} was terminated.", null, null, null),
                    };
                    await SendAsync(_backend.ControlQueueFor(parent), new TaskMessage($"{instanceId}:{executionId}:done", parent, started.ParentExecutionId, answer), null, cancellationToken);
                    break;
                default:
                    break;
            }
        }

        return heldBack;
    }

    private async Task StartChildAsync(string parentId, string parentExecutionId, string? parentName, HistoryEvent created, CancellationToken cancellationToken)
    {
        var childId = created.InstanceId!;
        var childExecutionId = DeterministicGuid.Create($"{parentId}:{parentExecutionId}:{created.EventId}").ToString("N");
        var existing = await _backend.GetInstanceAsync(childId, cancellationToken);
        var now = _timeProvider.GetUtcNow();
        if (existing is not null && existing.ExecutionId != childExecutionId
            && existing.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)
        {
            var refusal = new HistoryEvent(HistoryEventType.SubOrchestrationFailed, now)
            {
                TaskScheduledId = created.EventId,
                Failure = new TaskFailureDetails(typeof(global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException).FullName!, $"Orchestration instance '{childId}' already exists.", null, null, null),
            };
            await SendAsync(_backend.ControlQueueFor(parentId), new TaskMessage($"{childId}:{childExecutionId}:done", parentId, parentExecutionId, refusal), null, cancellationToken);
            return;
        }

        var version = created.Version ?? _options.DefaultVersion;
        if (existing?.ExecutionId != childExecutionId)
        {
            await _backend.WriteInstanceAsync(
                new InstanceRecord(childId)
                {
                    Name = created.Name,
                    Version = version,
                    ExecutionId = childExecutionId,
                    RuntimeStatus = OrchestrationRuntimeStatus.Pending,
                    Input = created.Input,
                    CreatedAt = now,
                    LastUpdatedAt = now,
                },
                cancellationToken);
        }

        var start = new HistoryEvent(HistoryEventType.ExecutionStarted, now)
        {
            Name = created.Name,
            Version = version,
            Input = created.Input,
            ExecutionId = childExecutionId,
            ParentInstanceId = parentId,
            ParentExecutionId = parentExecutionId,
            ParentName = parentName,
            TaskScheduledId = created.EventId,
        };
        await SendAsync(_backend.ControlQueueFor(childId), new TaskMessage($"{childId}:{childExecutionId}:start", childId, childExecutionId, start), null, cancellationToken);
    }

    private Task ProjectAsync(
        string instanceId,
        string? executionId,
        IReadOnlyList<HistoryEvent> events,
        string? customStatus,
        bool includeInput,
        long checkpoint,
        string? continuedFromExecutionId,
        CancellationToken cancellationToken)
    {
        var started = events.FirstOrDefault(e => e.Type == HistoryEventType.ExecutionStarted);
        var completed = events.LastOrDefault(e => e.Type == HistoryEventType.ExecutionCompleted);
        var status = StatusOf(events);
        var update = new InstanceRecord(instanceId)
        {
            ExecutionId = executionId,
            Name = started?.Name,
            Version = started?.Version,
            RuntimeStatus = status,
            Input = includeInput ? started?.Input : null,
            Output = completed?.Result,
            Failure = completed?.Failure,
            CustomStatus = customStatus,
            LastUpdatedAt = _timeProvider.GetUtcNow(),
            VersionNotServed = false,
            Checkpoint = checkpoint,
            ContinuedFromExecutionId = continuedFromExecutionId,
        };
        return _backend.MergeInstanceAsync(update, cancellationToken);
    }

    private static OrchestrationRuntimeStatus StatusOf(IReadOnlyList<HistoryEvent> events)
    {
        if (events.Count == 0)
        {
            return OrchestrationRuntimeStatus.Pending;
        }

        var completed = events.LastOrDefault(e => e.Type == HistoryEventType.ExecutionCompleted);
        var suspended = events.LastOrDefault(e => e.Type is HistoryEventType.ExecutionSuspended or HistoryEventType.ExecutionResumed)?.Type == HistoryEventType.ExecutionSuspended;
        return completed?.Status ?? (suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running);
    }
}
