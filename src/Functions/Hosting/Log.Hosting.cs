namespace QuyCheWorkflow.Functions;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information,
        "Listening on {ListenUrl}; custom handler: {IsCustomHandler}; embedded drivers: {EmbeddedDriversEnabled}")]
    public static partial void HostingModelChosen(ILogger logger, string listenUrl, bool isCustomHandler, bool embeddedDriversEnabled);

    [LoggerMessage(1002, LogLevel.Information, "Scheduled job {JobName} starting (occurrence {Occurrence:o})")]
    public static partial void ScheduledJobStarting(ILogger logger, string jobName, DateTimeOffset occurrence);

    [LoggerMessage(1003, LogLevel.Information, "Scheduled job {JobName} completed")]
    public static partial void ScheduledJobCompleted(ILogger logger, string jobName);

    [LoggerMessage(1004, LogLevel.Error, "Scheduled job {JobName} failed")]
    public static partial void ScheduledJobFailed(ILogger logger, Exception exception, string jobName);

    [LoggerMessage(1005, LogLevel.Warning, "Timer function {FunctionName} has no scheduled job registered; its invocations fail")]
    public static partial void TimerFunctionWithoutJob(ILogger logger, string functionName);

    [LoggerMessage(1006, LogLevel.Warning, "Scheduled job {JobName} has no function.json, so it never runs under the Functions host")]
    public static partial void ScheduledJobWithoutFunction(ILogger logger, string jobName);

    [LoggerMessage(1007, LogLevel.Information,
        "Timer function {FunctionName} invoked by the Functions host (past due: {IsPastDue})")]
    public static partial void TimerTriggerInvoked(ILogger logger, string functionName, bool isPastDue);

    [LoggerMessage(1008, LogLevel.Debug,
        "Queue function {FunctionName} received message {MessageId} from {QueueName} (dequeue count {DequeueCount})")]
    public static partial void QueueTriggerInvoked(ILogger logger, string functionName, string messageId, string queueName, int dequeueCount);

    [LoggerMessage(1009, LogLevel.Warning,
        "Message {MessageId} from {QueueName} failed on delivery {DequeueCount}; it becomes visible again after {VisibilityTimeout}")]
    public static partial void QueueMessageFailed(ILogger logger, Exception exception, string messageId, string queueName, int dequeueCount, TimeSpan visibilityTimeout);

    [LoggerMessage(1010, LogLevel.Error,
        "Message {MessageId} from {QueueName} moved to {PoisonQueueName} after {DequeueCount} deliveries")]
    public static partial void QueueMessagePoisoned(ILogger logger, string messageId, string queueName, string poisonQueueName, int dequeueCount);

    [LoggerMessage(1011, LogLevel.Warning, "Polling {QueueName} failed; retrying after {Delay}")]
    public static partial void QueuePollFailed(ILogger logger, Exception exception, string queueName, TimeSpan delay);

    [LoggerMessage(1012, LogLevel.Warning, "Could not keep message {MessageId} of {QueueName} hidden; trying again")]
    public static partial void QueueMessageRenewFailed(ILogger logger, Exception exception, string messageId, string queueName);

    [LoggerMessage(1013, LogLevel.Information,
        "Message {MessageId} of {QueueName} is no longer held by this process (gone, or received again after its invisibility ran out)")]
    public static partial void QueueMessageLeaseLost(ILogger logger, string messageId, string queueName);
}
