using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Dropped message {MessageId} for {InstanceId}: {Reason}")]
    public static partial void MessageDropped(ILogger logger, string messageId, string instanceId, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Checkpoint of {InstanceId} lost a race with another worker (attempt {Attempt}); retrying from fresh history")]
    public static partial void CheckpointConflict(ILogger logger, string instanceId, int attempt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Instance {InstanceId} runs orchestrator {Name} version '{Version}', which this worker does not serve; its message is kept for a worker that does")]
    public static partial void VersionNotServed(ILogger logger, string instanceId, string name, string version);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Message {MessageId} from {QueueName} was delivered {DequeueCount} times; quarantined in {PoisonQueue}")]
    public static partial void MessageQuarantined(ILogger logger, string messageId, string queueName, int dequeueCount, string poisonQueue);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Re-sending the outbound messages of an episode of {InstanceId} whose input message {MessageId} was redelivered")]
    public static partial void EpisodeRedone(ILogger logger, string instanceId, string messageId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Processing message {MessageId} from {QueueName} failed; it will be redelivered")]
    public static partial void DispatchFailed(ILogger logger, string messageId, string queueName, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Orchestration {InstanceId} failed: {ErrorType}: {ErrorMessage}")]
    public static partial void OrchestrationFailed(ILogger logger, string instanceId, string errorType, string errorMessage);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Durable task worker started on hub {TaskHub} with {QueueCount} queues")]
    public static partial void WorkerStarted(ILogger logger, string taskHub, int queueCount);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Polling queue {QueueName} failed; backing off")]
    public static partial void PollFailed(ILogger logger, string queueName, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not extend the invisibility of message {MessageId}; another worker may receive it too")]
    public static partial void RenewFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Message {MessageId} in {QueueName} is no longer held by this worker (handled, or received again after its invisibility ran out); no longer renewing it")]
    public static partial void LeaseLost(ILogger logger, string messageId, string queueName);
}
