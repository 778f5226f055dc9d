namespace QuyCheWorkflow.Durable;

/// <summary>
/// Where a task hub keeps its state: instances table, history with a single-writer sentinel, control queues, a
/// work-item queue and a poison queue. Implemented in memory (tests, on an injected clock) and over Azure
/// Storage. Implementations are thread-safe. Queue delivery is at least once and unordered; the dispatcher
/// makes processing idempotent.
/// </summary>
internal interface IDurableTaskBackend
{
    /// <summary>Raised after a message is enqueued by this process, so a local worker can wake at once.</summary>
    public event Action? MessageSent;

    public IReadOnlyList<string> ControlQueueNames { get; }

    public string WorkItemQueueName { get; }

    public string PoisonQueueName { get; }

    public string ControlQueueFor(string instanceId);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the whole row.</summary>
    public Task WriteInstanceAsync(InstanceRecord record, CancellationToken cancellationToken);

    /// <summary>Merges the non-null members into the row (creating it if missing).</summary>
    public Task MergeInstanceAsync(InstanceRecord update, CancellationToken cancellationToken);

    public Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the instance row, its history and its payload blobs. No-op when missing.</summary>
    public Task PurgeAsync(string instanceId, CancellationToken cancellationToken);

    public Task<OrchestrationHistory> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Writes a checkpoint atomically; false (and nothing written) when the ETag no longer matches.</summary>
    public Task<bool> TryCommitAsync(HistoryCommit commit, CancellationToken cancellationToken);

    /// <summary>Enqueues a message, invisible until <paramref name="visibleAt"/> on the backend's clock when given.</summary>
    public Task SendAsync(string queueName, string text, DateTimeOffset? visibleAt, CancellationToken cancellationToken);

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queueName, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    public Task DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>Extends a received message's invisibility; returns it with its new receipt.</summary>
    public Task<ReceivedMessage> RenewAsync(ReceivedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Turns a queue message's text back into the task message JSON (large ones live in blobs).</summary>
    public Task<string> ResolveMessageTextAsync(string text, CancellationToken cancellationToken);
}
