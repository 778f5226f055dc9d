using System.Runtime.CompilerServices;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// Starts, signals, inspects and manages orchestration instances of one task hub. Thread-safe. Every operation
/// is a few storage calls; signals (events, terminate, suspend, resume) are queued and take effect when a worker
/// processes them.
/// </summary>
public sealed partial class DurableTaskClient
{
    private readonly IDurableTaskBackend _backend;
    private readonly DurableTaskOptions _options;
    private readonly TimeProvider _timeProvider;

    internal DurableTaskClient(IDurableTaskBackend backend, DurableTaskOptions options, TimeProvider timeProvider)
    {
        _backend = backend;
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Schedules a new instance and returns its id. Throws <see cref="OrchestrationAlreadyExistsException"/> when an
    /// instance with that id exists in one of <see cref="StartOrchestrationOptions.DedupeStatuses"/>; an instance in
    /// another status is replaced by a new execution.
    /// </summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        options ??= new StartOrchestrationOptions();
        var instanceId = options.InstanceId ?? Guid.NewGuid().ToString("N");
        await _backend.EnsureCreatedAsync(cancellationToken);
        var now = _timeProvider.GetUtcNow();
        var executionId = Guid.NewGuid().ToString("N");
        var version = options.Version ?? _options.DefaultVersion;
        var serializedInput = DurableJson.Serialize(input);
        var record = new InstanceRecord(instanceId)
        {
            Name = orchestratorName,
            Version = version,
            ExecutionId = executionId,
            RuntimeStatus = OrchestrationRuntimeStatus.Pending,
            Input = serializedInput,
            CreatedAt = now,
            LastUpdatedAt = now,
        };

        // Insert first (one request in the common case); only an existing id costs a read and a replace.
        if (!await _backend.TryCreateInstanceAsync(record, cancellationToken))
        {
            var existing = await _backend.GetInstanceAsync(instanceId, cancellationToken);
            if (existing is not null && options.DedupeStatuses.Contains(existing.RuntimeStatus ?? OrchestrationRuntimeStatus.Pending))
            {
                throw new OrchestrationAlreadyExistsException(instanceId);
            }

            await _backend.WriteInstanceAsync(record, cancellationToken);
        }

        var started = new HistoryEvent(HistoryEventType.ExecutionStarted, now)
        {
            Name = orchestratorName,
            Version = version,
            Input = serializedInput,
            ExecutionId = executionId,
        };
        var message = new TaskMessage($"{instanceId}:{executionId}:start", instanceId, executionId, started) { NotBefore = options.StartAt };
        await _backend.SendAsync(_backend.ControlQueueFor(instanceId), DurableJson.SerializeMessage(message), instanceId, options.StartAt, cancellationToken);
        return instanceId;
    }

    /// <summary>
    /// Queues an external event for an instance (delivered at least once, de-duplicated by the engine). Throws
    /// <see cref="OrchestrationNotFoundException"/> when no such instance exists; an event to a finished instance
    /// is dropped by the worker.
    /// </summary>
    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var raised = new HistoryEvent(HistoryEventType.EventRaised, _timeProvider.GetUtcNow()) { Name = eventName, Input = DurableJson.Serialize(eventPayload) };
        return SignalAsync(instanceId, raised, cancellationToken);
    }

    /// <summary>Terminates a running or pending instance with <paramref name="output"/>; a no-op for a finished one.</summary>
    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        SignalAsync(instanceId, new HistoryEvent(HistoryEventType.ExecutionTerminated, _timeProvider.GetUtcNow()) { Result = DurableJson.Serialize(output) }, cancellationToken);

    /// <summary>Suspends an instance: what arrives meanwhile is kept and processed after <see cref="ResumeInstanceAsync"/>.</summary>
    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SignalAsync(instanceId, new HistoryEvent(HistoryEventType.ExecutionSuspended, _timeProvider.GetUtcNow()) { Input = reason }, cancellationToken);

    /// <summary>Resumes a suspended instance.</summary>
    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SignalAsync(instanceId, new HistoryEvent(HistoryEventType.ExecutionResumed, _timeProvider.GetUtcNow()) { Input = reason }, cancellationToken);

    /// <summary>Reads an instance's status; null when it does not exist.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await _backend.EnsureCreatedAsync(cancellationToken);
        var record = await _backend.GetInstanceAsync(instanceId, cancellationToken);
        return record?.ToMetadata(getInputsAndOutputs);
    }

    /// <summary>Polls until the instance has started (or finished). Cancel the token to stop waiting.</summary>
    public Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellationToken);

    /// <summary>Polls until the instance completed, failed or was terminated. Cancel the token to stop waiting.</summary>
    public Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellationToken);

    /// <summary>Deletes a finished instance and its history; running instances are left alone (count 0).</summary>
    public async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await _backend.EnsureCreatedAsync(cancellationToken);
        var record = await _backend.GetInstanceAsync(instanceId, cancellationToken);
        if (record is null || !record.ToMetadata(false).IsCompleted)
        {
            return new PurgeResult(0);
        }

        await _backend.PurgeAsync(instanceId, cancellationToken);
        return new PurgeResult(1);
    }

    /// <summary>Deletes every finished instance matching the filter.</summary>
    public async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        IReadOnlyCollection<OrchestrationRuntimeStatus> finished = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];
        var statuses = filter.Statuses is { Count: > 0 } wanted ? wanted.Intersect(finished).ToList() : finished;
        var query = new OrchestrationQuery { CreatedFrom = filter.CreatedFrom, CreatedTo = filter.CreatedTo, Statuses = statuses, PageSize = 1000 };
        var purged = 0;
        await foreach (var instance in GetAllInstancesAsync(query, cancellationToken))
        {
            await _backend.PurgeAsync(instance.InstanceId, cancellationToken);
            purged++;
        }

        return new PurgeResult(purged);
    }

    /// <summary>Reads one page of instances matching <paramref name="query"/>.</summary>
    public async Task<OrchestrationQueryResult> GetInstancesPageAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        await _backend.EnsureCreatedAsync(cancellationToken);
        return await _backend.QueryInstancesAsync(query, cancellationToken);
    }

    /// <summary>Enumerates every instance matching <paramref name="query"/>, reading page after page.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new OrchestrationQuery();
        while (true)
        {
            var page = await GetInstancesPageAsync(query, cancellationToken);
            foreach (var instance in page.Instances)
            {
                yield return instance;
            }

            if (page.ContinuationToken is null)
            {
                yield break;
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    private async Task SignalAsync(string instanceId, HistoryEvent signal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await _backend.EnsureCreatedAsync(cancellationToken);
        if (await _backend.GetInstanceAsync(instanceId, cancellationToken) is null)
        {
            throw new OrchestrationNotFoundException(instanceId);
        }

        var message = new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, null, signal);
        await _backend.SendAsync(_backend.ControlQueueFor(instanceId), DurableJson.SerializeMessage(message), instanceId, null, cancellationToken);
    }

    private async Task<OrchestrationMetadata> WaitAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
            if (done(metadata))
            {
                return metadata;
            }

            await Task.Delay(_options.ClientPollInterval, cancellationToken);
        }
    }
}
