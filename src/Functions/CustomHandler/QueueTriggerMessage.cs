namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>One queue message delivered by a queue trigger (the Functions host's or the embedded driver's).</summary>
/// <param name="QueueName">The queue, as resolved from the function's <c>queueName</c>.</param>
/// <param name="MessageId">The storage message id.</param>
/// <param name="MessageText">The decoded message text.</param>
/// <param name="DequeueCount">How many times the message has been received, this delivery included.</param>
/// <param name="InsertedOn">When the message was first put on the queue.</param>
public sealed record QueueTriggerMessage(
    string QueueName,
    string MessageId,
    string MessageText,
    int DequeueCount,
    DateTimeOffset InsertedOn);
