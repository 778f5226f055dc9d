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

    /// <summary>
    /// Gets the clock the queues' invisibility runs on (the injected one in memory, the service's own for Azure
    /// Storage): renewals of a held message are timed by it.
    /// </summary>
    public TimeProvider QueueClock { get; }

    /// <summary>Creates tables, queues and containers on first use; cheap afterwards. Thread-safe.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the whole row.</summary>
    public Task WriteInstanceAsync(InstanceRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Merges the non-null members into the row (creating it if missing); when the update carries a
    /// <see cref="InstanceRecord.Checkpoint"/> and the stored row a later one, nothing is written.
    /// </summary>
    public Task MergeInstanceAsync(InstanceRecord update, CancellationToken cancellationToken);

    public Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the instance row, its history and its payload blobs. No-op when missing.</summary>
    public Task PurgeAsync(string instanceId, CancellationToken cancellationToken);

    public Task<OrchestrationHistory> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a checkpoint atomically and returns the history's new token; null (and nothing written) when the token
    /// no longer matches because another worker advanced the instance.
    /// </summary>
    public Task<string?> TryCommitAsync(HistoryCommit commit, CancellationToken cancellationToken);

    /// <summary>Creates the instance row; false when a row with that id exists already (nothing written).</summary>
    public Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Enqueues a message, invisible until <paramref name="visibleAt"/> on the backend's clock when given. Returns a
    /// handle that can delete it while nobody has received it. A text too large for a queue message goes to a blob
    /// owned by <paramref name="instanceId"/> (purged with it), deleted when the message is.
    /// </summary>
    public Task<ReceivedMessage> SendAsync(string queueName, string text, string? instanceId, DateTimeOffset? visibleAt, CancellationToken cancellationToken);

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queueName, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a message of the queue is visible now (on the backend's clock), without receiving it: nothing is hidden,
    /// counted or changed. A message hidden until a later instant (a timer, one received by someone) is not visible.
    /// </summary>
    public Task<bool> HasVisibleMessageAsync(string queueName, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a message, and its payload blob when it has one; a no-op when it is gone or was received again by
    /// someone else meanwhile (that receiver deletes both).
    /// </summary>
    public Task DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Hides a message for <paramref name="visibilityTimeout"/> from now, whether received or sent hidden (with the
    /// handle <see cref="SendAsync"/> returned); returns it with its new receipt, or null when this receipt no longer
    /// holds it (deleted, or received again by someone else after its invisibility ran out).
    /// </summary>
    public Task<ReceivedMessage?> RenewAsync(ReceivedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>
    /// Turns a queue message's text back into the task message JSON (large ones live in blobs); null when its blob
    /// is gone because the message was handled already or its instance purged.
    /// </summary>
    public Task<string?> ResolveMessageTextAsync(string text, CancellationToken cancellationToken);
}
