namespace QuyCheWorkflow.Durable;

/// <summary>Work items: run the activity and answer its orchestration.</summary>
public sealed partial class DurableTaskDispatcher
{
    private async Task RunActivityAsync(TaskMessage message, CancellationToken cancellationToken)
    {
        var scheduled = message.Event;
        var name = scheduled.Name ?? string.Empty;
        var now = _timeProvider.GetUtcNow();
        HistoryEvent outcome;
        if (_options.Registry.FindActivity(name) is not { } factory)
        {
            outcome = new HistoryEvent(HistoryEventType.TaskFailed, now)
            {
                TaskScheduledId = scheduled.EventId,
                Failure = new TaskFailureDetails("ActivityNotFound", $"No activity named '{name}' is registered.", null),
            };
        }
        else
        {
            try
            {
                var activity = factory(_services);
                var input = DurableJson.Deserialize(scheduled.Input, activity.InputType);
                var context = new TaskActivityContext(name, message.InstanceId, scheduled.EventId, cancellationToken);
                var result = await activity.RunAsync(context, input);
                outcome = new HistoryEvent(HistoryEventType.TaskCompleted, _timeProvider.GetUtcNow()) { TaskScheduledId = scheduled.EventId, Result = DurableJson.Serialize(result) };
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
            {
                // The failure is the activity's result: it is recorded in history and rethrown in the orchestrator.
                outcome = new HistoryEvent(HistoryEventType.TaskFailed, _timeProvider.GetUtcNow())
                {
                    TaskScheduledId = scheduled.EventId,
                    Failure = TaskFailureDetails.FromException(exception),
                };
            }
        }

        await SendAsync(_backend.ControlQueueFor(message.InstanceId), new TaskMessage($"{message.Id}:result", message.InstanceId, message.ExecutionId, outcome), null, cancellationToken);
    }
}
