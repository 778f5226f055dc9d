using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AlreadyExists = DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException;
using ClientQuery = Microsoft.DurableTask.Client.OrchestrationQuery;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// The SDK's <see cref="DurableTaskClient"/> over the engine's backend: starts, signals, inspects and manages the
/// instances of one task hub. Thread-safe. Every operation is a few storage calls; signals (events, terminate,
/// suspend, resume) are queued and take effect when a worker processes them. Chosen with
/// <c>AddDurableTaskClient(b =&gt; b.UseQuyCheEngine(...))</c>.
/// </summary>
/// <remarks>
/// Differences from the SDK's gRPC client: signalling an instance that does not exist throws
/// <see cref="OrchestrationNotFoundException"/>; <see cref="TerminateInstanceOptions.Recursive"/> and
/// <see cref="PurgeInstanceOptions.Recursive"/> are not supported (children are left alone); restart, rewind and
/// history export are not offered. The instance's version and whether a worker serves it are read with
/// <see cref="GetInstanceVersionAsync"/>, since <see cref="OrchestrationMetadata"/> carries neither.
/// </remarks>
public sealed partial class QuyCheDurableTaskClient : DurableTaskClient
{
    private static readonly OrchestrationRuntimeStatus[] s_defaultDedupeStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    private readonly IDurableTaskBackend _backend;
    private readonly DurableTaskOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly string? _defaultVersion;

    /// <summary>Created by the SDK's client builder (<c>UseBuildTarget</c>) with the builder's name.</summary>
    public QuyCheDurableTaskClient(string name, IServiceProvider services)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(services);
        var engine = services.GetRequiredService<DurableTaskEngine>();
        _backend = engine.Backend;
        _options = engine.Options;
        _timeProvider = engine.TimeProvider;
        _defaultVersion = services.GetService<IOptionsMonitor<DurableTaskClientOptions>>()?.Get(name).DefaultVersion;
    }

    /// <summary>
    /// Schedules a new instance and returns its id. Throws <see cref="AlreadyExists"/> when an instance with that id
    /// exists in one of the options' dedupe statuses (by default Pending, Running and Suspended); an instance in
    /// another status is replaced by a new execution. The instance is stamped with the options' version, else the
    /// client's default version, else <see cref="DurableTaskOptions.DefaultVersion"/>.
    /// </summary>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        await _backend.EnsureCreatedAsync(cancellation);
        var now = _timeProvider.GetUtcNow();
        var executionId = Guid.NewGuid().ToString("N");
        var version = options?.Version?.Version is { Length: > 0 } asked ? asked
            : _defaultVersion is { Length: > 0 } clientDefault ? clientDefault
            : _options.DefaultVersion;
        var serializedInput = _options.DataConverter.Serialize(input);
        var record = new InstanceRecord(instanceId)
        {
            Name = orchestratorName.Name,
            Version = version,
            ExecutionId = executionId,
            RuntimeStatus = OrchestrationRuntimeStatus.Pending,
            Input = serializedInput,
            CreatedAt = now,
            LastUpdatedAt = now,
        };

        // Insert first (one request in the common case); only an existing id costs a read and a replace.
        if (!await _backend.TryCreateInstanceAsync(record, cancellation))
        {
            var existing = await _backend.GetInstanceAsync(instanceId, cancellation);
            if (existing is not null && DedupeStatuses(options).Contains(existing.RuntimeStatus ?? OrchestrationRuntimeStatus.Pending))
            {
                throw new AlreadyExists($"Orchestration instance '{instanceId}' already exists.");
            }

            await _backend.WriteInstanceAsync(record, cancellation);
        }

        var started = new HistoryEvent(HistoryEventType.ExecutionStarted, now)
        {
            Name = orchestratorName.Name,
            Version = version,
            Input = serializedInput,
            ExecutionId = executionId,
        };
        var message = new TaskMessage($"{instanceId}:{executionId}:start", instanceId, executionId, started) { NotBefore = options?.StartAt };
        await _backend.SendAsync(_backend.ControlQueueFor(instanceId), DurableJson.SerializeMessage(message), instanceId, options?.StartAt, cancellation);
        return instanceId;
    }

    /// <summary>
    /// Queues an external event for an instance (delivered at least once, de-duplicated by the engine). Throws
    /// <see cref="OrchestrationNotFoundException"/> when no such instance exists; an event to a finished instance
    /// is dropped by the worker.
    /// </summary>
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var raised = new HistoryEvent(HistoryEventType.EventRaised, _timeProvider.GetUtcNow()) { Name = eventName, Input = _options.DataConverter.Serialize(eventPayload) };
        return SignalAsync(instanceId, raised, cancellation);
    }

    /// <summary>Terminates a running or pending instance with the options' output; a no-op for a finished one.</summary>
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        SignalAsync(instanceId, new HistoryEvent(HistoryEventType.ExecutionTerminated, _timeProvider.GetUtcNow()) { Result = _options.DataConverter.Serialize(options?.Output) }, cancellation);

    /// <summary>Suspends an instance: what arrives meanwhile is kept and processed after <see cref="ResumeInstanceAsync"/>.</summary>
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SignalAsync(instanceId, new HistoryEvent(HistoryEventType.ExecutionSuspended, _timeProvider.GetUtcNow()) { Input = reason }, cancellation);

    /// <summary>Resumes a suspended instance.</summary>
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SignalAsync(instanceId, new HistoryEvent(HistoryEventType.ExecutionResumed, _timeProvider.GetUtcNow()) { Input = reason }, cancellation);

    /// <summary>Reads an instance's status; null when it does not exist.</summary>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await _backend.EnsureCreatedAsync(cancellation);
        var record = await _backend.GetInstanceAsync(instanceId, cancellation);
        return record is null ? null : WithConverter(record.ToMetadata(getInputsAndOutputs));
    }

    /// <summary>
    /// Reads the version an instance was stamped with and whether a worker saw it without serving that version (its
    /// messages are then kept and retried, the instance left untouched until a worker serving it runs); null when the
    /// instance does not exist.
    /// </summary>
    public async Task<OrchestrationVersionInfo?> GetInstanceVersionAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await _backend.EnsureCreatedAsync(cancellation);
        return await _backend.GetInstanceAsync(instanceId, cancellation) is { } record
            ? new OrchestrationVersionInfo(record.Version ?? string.Empty, record.VersionNotServed ?? false)
            : null;
    }

    /// <summary>Polls until the instance has started (or finished). Cancel the token to stop waiting.</summary>
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <summary>Polls until the instance completed, failed or was terminated. Cancel the token to stop waiting.</summary>
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    /// <summary>Deletes a finished instance and its history; running instances are left alone (count 0).</summary>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        await _backend.EnsureCreatedAsync(cancellation);
        var record = await _backend.GetInstanceAsync(instanceId, cancellation);
        if (record is null || !record.ToMetadata(false).IsCompleted)
        {
            return new PurgeResult(0);
        }

        await _backend.PurgeAsync(instanceId, cancellation);
        return new PurgeResult(1);
    }

    /// <summary>Deletes every finished instance matching the filter (all finished ones when it is null).</summary>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        IReadOnlyCollection<OrchestrationRuntimeStatus> finished = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];
        var statuses = filter?.Statuses?.ToList() is { Count: > 0 } wanted ? wanted.Intersect(finished).ToList() : finished;
        var query = new OrchestrationQuery { CreatedFrom = filter?.CreatedFrom, CreatedTo = filter?.CreatedTo, Statuses = statuses, PageSize = 1000 };
        var purged = 0;
        while (true)
        {
            var page = await QueryAsync(query, cancellation);
            foreach (var instance in page.Instances)
            {
                await _backend.PurgeAsync(instance.InstanceId, cancellation);
                purged++;
            }

            if (page.ContinuationToken is null)
            {
                return new PurgeResult(purged, true);
            }

            query = query with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>
    /// Enumerates the instances matching <paramref name="filter"/>, reading one page of
    /// <see cref="ClientQuery.PageSize"/> (or the page size hint) at a time; <see cref="ClientQuery.TaskHubNames"/>
    /// is ignored (a client serves one hub).
    /// </summary>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(ClientQuery? filter = null)
    {
        var query = new OrchestrationQuery
        {
            CreatedFrom = filter?.CreatedFrom,
            CreatedTo = filter?.CreatedTo,
            Statuses = filter?.Statuses?.ToList(),
            InstanceIdPrefix = filter?.InstanceIdPrefix,
            PageSize = filter?.PageSize ?? ClientQuery.DefaultPageSize,
            FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
        };
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var page = await QueryAsync(query with { ContinuationToken = continuation ?? filter?.ContinuationToken, PageSize = pageSize ?? query.PageSize }, cancellation);
            return new Page<OrchestrationMetadata>([.. page.Instances.Select(WithConverter)], page.ContinuationToken);
        });
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static OrchestrationRuntimeStatus[] DedupeStatuses(StartOrchestrationOptions? options) =>
        options?.DedupeStatuses is { } names
            ? [.. names.Select(n => Enum.Parse<OrchestrationRuntimeStatus>(n, ignoreCase: true))]
            : s_defaultDedupeStatuses;

    /// <summary>The metadata reading its payloads with the engine's <see cref="DurableTaskOptions.DataConverter"/>.</summary>
    private OrchestrationMetadata WithConverter(OrchestrationMetadata metadata) =>
        ReferenceEquals(_options.DataConverter, DurableJsonDataConverter.Instance)
            ? metadata
            : new OrchestrationMetadata(metadata.Name, metadata.InstanceId)
            {
                RuntimeStatus = metadata.RuntimeStatus,
                CreatedAt = metadata.CreatedAt,
                LastUpdatedAt = metadata.LastUpdatedAt,
                SerializedInput = metadata.SerializedInput,
                SerializedOutput = metadata.SerializedOutput,
                SerializedCustomStatus = metadata.SerializedCustomStatus,
                FailureDetails = metadata.FailureDetails,
                DataConverter = _options.DataConverter,
            };

    private async Task<OrchestrationQueryResult> QueryAsync(OrchestrationQuery query, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        await _backend.EnsureCreatedAsync(cancellation);
        return await _backend.QueryInstancesAsync(query, cancellation);
    }

    private async Task SignalAsync(string instanceId, HistoryEvent signal, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await _backend.EnsureCreatedAsync(cancellation);
        if (await _backend.GetInstanceAsync(instanceId, cancellation) is null)
        {
            throw new OrchestrationNotFoundException(instanceId);
        }

        var message = new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, null, signal);
        await _backend.SendAsync(_backend.ControlQueueFor(instanceId), DurableJson.SerializeMessage(message), instanceId, null, cancellation);
    }

    private async Task<OrchestrationMetadata> WaitAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        while (true)
        {
            var metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) ?? throw new OrchestrationNotFoundException(instanceId);
            if (done(metadata))
            {
                return metadata;
            }

            await Task.Delay(_options.ClientPollInterval, cancellation);
        }
    }
}
