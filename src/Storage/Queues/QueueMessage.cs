namespace QuyCheWorkflow.Storage.Queues;

/// <summary>
/// A received message, invisible to others until <see cref="NextVisibleOn"/>. Delete it with its
/// <see cref="PopReceipt"/> once handled; otherwise it is delivered again (at-least-once).
/// </summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn);
