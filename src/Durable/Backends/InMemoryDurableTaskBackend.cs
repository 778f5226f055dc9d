namespace QuyCheWorkflow.Durable;

/// <summary>
/// A task hub in process memory. Message visibility and timers follow the injected <see cref="TimeProvider"/>, so
/// with a fake clock months pass in milliseconds. Thread-safe (one lock); state is lost when the process exits.
/// </summary>
internal sealed class InMemoryDurableTaskBackend : IDurableTaskBackend
{
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _partitionCount;
    private readonly Dictionary<string, InstanceRecord> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrchestrationHistory> _histories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<StoredMessage>> _queues = new(StringComparer.Ordinal);
    private long _sequence;

    public InMemoryDurableTaskBackend(DurableTaskOptions options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _partitionCount = options.PartitionCount;
        ControlQueueNames = QueueNaming.ControlQueues(options);
        WorkItemQueueName = QueueNaming.WorkItems(options);
        PoisonQueueName = QueueNaming.Poison(options);
        foreach (var name in ControlQueueNames.Append(WorkItemQueueName).Append(PoisonQueueName))
        {
            _queues[name] = [];
        }
    }

    public event Action? MessageSent;

    public IReadOnlyList<string> ControlQueueNames { get; }

    public string WorkItemQueueName { get; }

    public string PoisonQueueName { get; }

    public string ControlQueueFor(string instanceId) => ControlQueueNames[QueueNaming.Partition(instanceId, _partitionCount)];

    public TimeProvider QueueClock => _timeProvider;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.GetValueOrDefault(instanceId));
        }
    }

    public Task WriteInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _instances[record.InstanceId] = record;
        }

        return Task.CompletedTask;
    }

    public Task MergeInstanceAsync(InstanceRecord update, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(update.InstanceId, out var stored))
            {
                _instances[update.InstanceId] = update;
            }
            else if (update.Checkpoint is null || InstanceRecord.Supersedes(update, stored.Checkpoint, stored.ExecutionId))
            {
                _instances[update.InstanceId] = stored.MergeFrom(update);
            }
        }

        return Task.CompletedTask;
    }

    public Task<OrchestrationQueryResult> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var page = _instances.Values
                .Where(r => query.ContinuationToken is null || string.CompareOrdinal(r.InstanceId, query.ContinuationToken) > 0)
                .Where(r => r.Matches(query))
                .OrderBy(r => r.InstanceId, StringComparer.Ordinal)
                .Take(query.PageSize + 1)
                .ToList();
            var hasMore = page.Count > query.PageSize;
            var items = page.Take(query.PageSize).Select(r => r.ToMetadata(query.FetchInputsAndOutputs)).ToList();
            return Task.FromResult(new OrchestrationQueryResult(items, hasMore ? items[^1].InstanceId : null));
        }
    }

    public Task PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _instances.Remove(instanceId);
            _histories.Remove(instanceId);
        }

        return Task.CompletedTask;
    }

    public Task<OrchestrationHistory> LoadHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_histories.GetValueOrDefault(instanceId) ?? OrchestrationHistory.Empty);
        }
    }

    public Task<string?> TryCommitAsync(HistoryCommit commit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = _histories.GetValueOrDefault(commit.InstanceId);
            if (current?.ETag != commit.ExpectedETag)
            {
                return Task.FromResult<string?>(null);
            }

            var events = commit.ReplacesHistory || current is null ? commit.Events.ToList() : current.Events.Concat(commit.Events).ToList();
            var token = (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _histories[commit.InstanceId] = new OrchestrationHistory(commit.ExecutionId, events, token, commit.CustomStatus) { Checkpoint = commit.Checkpoint };
            return Task.FromResult<string?>(token);
        }
    }

    public Task<bool> TryCreateInstanceAsync(InstanceRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.TryAdd(record.InstanceId, record));
        }
    }

    public Task<ReceivedMessage> SendAsync(string queueName, string text, string? instanceId, DateTimeOffset? visibleAt, CancellationToken cancellationToken)
    {
        ReceivedMessage handle;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var id = (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = new StoredMessage(id, text, now, visibleAt ?? now, _sequence) { PopReceipt = "sent-" + id };
            _queues[queueName].Add(stored);
            handle = new ReceivedMessage(new DurableQueueMessage(queueName, id, text, 0, now), stored.PopReceipt);
        }

        MessageSent?.Invoke();
        return Task.FromResult(handle);
    }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queueName, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var taken = _queues[queueName].Where(m => m.VisibleAt <= now).OrderBy(m => m.VisibleAt).ThenBy(m => m.Order).Take(maxMessages).ToList();
            var received = new List<ReceivedMessage>(taken.Count);
            foreach (var message in taken)
            {
                message.DequeueCount++;
                message.VisibleAt = now + visibilityTimeout;
                message.PopReceipt = (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
                received.Add(new ReceivedMessage(new DurableQueueMessage(queueName, message.Id, message.Text, message.DequeueCount, message.InsertedOn), message.PopReceipt));
            }

            return Task.FromResult<IReadOnlyList<ReceivedMessage>>(received);
        }
    }

    public Task<bool> HasVisibleMessageAsync(string queueName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            return Task.FromResult(_queues[queueName].Exists(m => m.VisibleAt <= now));
        }
    }

    public Task DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _queues[message.Message.QueueName].RemoveAll(m => m.Id == message.Message.MessageId && m.PopReceipt == message.PopReceipt);
        }

        return Task.CompletedTask;
    }

    public Task<ReceivedMessage?> RenewAsync(ReceivedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var stored = _queues[message.Message.QueueName].Find(m => m.Id == message.Message.MessageId && m.PopReceipt == message.PopReceipt);
            if (stored is null)
            {
                return Task.FromResult<ReceivedMessage?>(null);
            }

            stored.VisibleAt = _timeProvider.GetUtcNow() + visibilityTimeout;
            stored.PopReceipt = (++_sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult<ReceivedMessage?>(message with { PopReceipt = stored.PopReceipt });
        }
    }

    public Task<string?> ResolveMessageTextAsync(string text, CancellationToken cancellationToken) => Task.FromResult<string?>(text);

    /// <summary>When the earliest message of a queue is (or was) visible from; null when the queue is empty (for tests and diagnostics).</summary>
    public DateTimeOffset? EarliestVisibleAt(string queueName)
    {
        lock (_gate)
        {
            return _queues[queueName].Count == 0 ? null : _queues[queueName].Min(m => m.VisibleAt);
        }
    }

    /// <summary>Messages currently in a queue, visible or not (for tests and diagnostics).</summary>
    public IReadOnlyList<string> PeekAll(string queueName)
    {
        lock (_gate)
        {
            return _queues[queueName].Select(m => m.Text).ToList();
        }
    }

    private sealed class StoredMessage(string id, string text, DateTimeOffset insertedOn, DateTimeOffset visibleAt, long order)
    {
        public string Id { get; } = id;

        public string Text { get; } = text;

        public DateTimeOffset InsertedOn { get; } = insertedOn;

        public long Order { get; } = order;

        public DateTimeOffset VisibleAt { get; set; } = visibleAt;

        public int DequeueCount { get; set; }

        public string? PopReceipt { get; set; }
    }
}
