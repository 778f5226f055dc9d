namespace QuyCheWorkflow.Durable;

/// <summary>A control or work-item queue message as the queue (or the Functions host's queue trigger) delivered it.</summary>
/// <param name="QueueName">The queue it came from.</param>
/// <param name="MessageId">The queue's id for it: stable across redeliveries of the same message.</param>
/// <param name="MessageText">The decoded message text.</param>
/// <param name="DequeueCount">How many times it has been delivered, this time included.</param>
/// <param name="InsertedOn">When it was enqueued.</param>
public sealed record DurableQueueMessage(string QueueName, string MessageId, string MessageText, int DequeueCount, DateTimeOffset? InsertedOn);
