namespace QuyCheWorkflow.Durable;

/// <summary>Work items: run the activity and answer its orchestration.</summary>
public sealed partial class DurableTaskDispatcher
{
    private async Task RunActivityAsync(TaskMessage message, string queueMessageId, CancellationToken cancellationToken)
    {
        var outcome = await ExecuteActivityAsync(message.InstanceId, message.Event, cancellationToken);
        var answer = new TaskMessage($"{message.Id}:result", message.InstanceId, message.ExecutionId, outcome) { CausedBy = queueMessageId };
        await SendAsync(_backend.ControlQueueFor(message.InstanceId), answer, null, cancellationToken);
    }

    /// <summary>Runs an activity; its failure is its result (recorded in history and rethrown in the orchestrator).</summary>
    private async Task<HistoryEvent> ExecuteActivityAsync(string instanceId, HistoryEvent scheduled, CancellationToken cancellationToken)
    {
        var name = scheduled.Name ?? string.Empty;
        if (!_tasks.TryCreateActivity(name, out var activity))
        {
            return new HistoryEvent(HistoryEventType.TaskFailed, _timeProvider.GetUtcNow())
            {
                TaskScheduledId = scheduled.EventId,
                Failure = new TaskFailureDetails("ActivityNotFound", $"No activity named '{name}' is registered.", null, null, null),
            };
        }

        using var span = DurableTelemetry.StartActivity(instanceId, name);
        try
        {
            var input = _options.DataConverter.Deserialize(scheduled.Input, activity.InputType);
            var context = new EngineActivityContext(name, instanceId, scheduled.EventId, cancellationToken);
            var result = await activity.RunAsync(context, input);
            DurableTelemetry.End(span, nameof(OrchestrationRuntimeStatus.Completed), null);
            return new HistoryEvent(HistoryEventType.TaskCompleted, _timeProvider.GetUtcNow()) { TaskScheduledId = scheduled.EventId, Result = _options.DataConverter.Serialize(result) };
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            var failure = FailureDetails.From(exception);
            DurableTelemetry.End(span, nameof(OrchestrationRuntimeStatus.Failed), failure);
            return new HistoryEvent(HistoryEventType.TaskFailed, _timeProvider.GetUtcNow())
            {
                TaskScheduledId = scheduled.EventId,
                Failure = failure,
            };
        }
    }

    /// <summary>
    /// Runs, in this process and right away, the activities an episode just scheduled, and feeds each result to the
    /// orchestration as the next episode, skipping two queue hops per step. Each activity's work item was sent
    /// hidden for <see cref="DurableTaskOptions.MessageVisibilityTimeout"/> as a safety net, is kept hidden while the
    /// activities run (<see cref="MessageLease"/>) and is deleted once the result is committed; if this process dies
    /// first, the renewals stop, the work item shows up and the normal path takes over (the activity may then run
    /// twice: delivery is at least once). Called under the instance's lock.
    /// </summary>
    private async Task RunInlineAsync(string instanceId, string executionId, List<(HistoryEvent Scheduled, ReceivedMessage WorkItem)> work, int budget, CancellationToken cancellationToken)
    {
        await using var lease = MessageLease.Hold(_backend, work.Select(w => w.WorkItem), _options, _logger);
        var outcomes = await Task.WhenAll(work.Select(w => ExecuteActivityAsync(instanceId, w.Scheduled, cancellationToken)));
        for (var i = 0; i < work.Count; i++)
        {
            var workItem = work[i].WorkItem.Message;
            var answer = new TaskMessage($"{instanceId}:{executionId}:{work[i].Scheduled.EventId}:result", instanceId, executionId, outcomes[i]) { CausedBy = workItem.MessageId };
            var asIfReceived = new DurableQueueMessage(workItem.QueueName, workItem.MessageId, string.Empty, 1, workItem.InsertedOn);
            await ProcessOrchestrationMessageAsync(asIfReceived, answer, budget, cancellationToken);
            await _backend.DeleteAsync(await lease.ReleaseAsync(work[i].WorkItem), cancellationToken);
        }
    }
}
