namespace QuyCheWorkflow.Storage.Queues;

/// <summary>A message seen without being received: it stays visible and has no pop receipt.</summary>
public sealed record PeekedMessage(string MessageId, string MessageText, long DequeueCount, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn);
