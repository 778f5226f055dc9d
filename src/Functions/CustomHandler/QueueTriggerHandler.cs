namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>
/// Processes one queue-trigger delivery. Completing normally means the message is done and may be deleted;
/// throwing means it is retried (after the configured visibility timeout) and poisoned after maxDequeueCount.
/// Delivery is at least once, so the handler must be idempotent.
/// </summary>
public delegate Task QueueTriggerHandler(QueueTriggerMessage message, CancellationToken cancellationToken);
