namespace QuyCheWorkflow.Durable;

/// <summary>A message taken from a queue, with the receipt needed to delete it or extend its invisibility.</summary>
internal sealed record ReceivedMessage(DurableQueueMessage Message, string PopReceipt);
