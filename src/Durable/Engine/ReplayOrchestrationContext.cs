using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// The engine's <see cref="TaskOrchestrationContext"/>: one per episode, replaying the recorded history through the
/// orchestrator and collecting what it does next. Every method must be called from the orchestrator's own flow
/// (never from another thread). Not thread-safe.
/// </summary>
internal sealed partial class ReplayOrchestrationContext : TaskOrchestrationContext
{
    public override TaskName Name { get; }

    public override string InstanceId { get; }

    /// <summary>Gets the version stamped on this instance when it started (empty when none).</summary>
    public override string Version { get; }

    public override ParentOrchestrationInstance? Parent => _parent;

    /// <summary>Gets the time of the current episode as recorded in history: the same value on every replay.</summary>
    public override DateTime CurrentUtcDateTime => _currentUtc.UtcDateTime;

    public override bool IsReplaying => _isReplaying;

    protected override ILoggerFactory LoggerFactory => _loggerFactory;

    public override T GetInput<T>() => _converter.Deserialize<T>(_serializedInput)!;

    /// <summary>
    /// Calls an activity and returns its result. The call is recorded in history; on replay the recorded result
    /// is returned without running the activity again. Throws <see cref="TaskFailedException"/> when the activity
    /// fails after the retries of <paramref name="options"/>.
    /// </summary>
    public override async Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name.Name);
        var serializedInput = _converter.Serialize(input);
        var result = await WithRetryAsync(() => ScheduleAsync(HistoryEventType.TaskScheduled, name.Name, serializedInput, null, null), options?.Retry);
        return _converter.Deserialize<TResult>(result)!;
    }

    /// <summary>
    /// Starts a sub-orchestration and waits for its output. The child's instance id is
    /// <see cref="SubOrchestrationOptions.InstanceId"/> or, when absent, <c>{parent id}:{step}</c>; its version is
    /// the options' version or, when absent, <see cref="DurableTaskOptions.DefaultVersion"/>.
    /// Throws <see cref="TaskFailedException"/> when the child fails.
    /// </summary>
    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name);
        var serializedInput = _converter.Serialize(input);
        var instanceId = (options as SubOrchestrationOptions)?.InstanceId;
        var version = (options as SubOrchestrationOptions)?.Version?.Version ?? options?.Version?.Version;
        var result = await WithRetryAsync(
            () => ScheduleAsync(HistoryEventType.SubOrchestrationCreated, orchestratorName.Name, serializedInput, instanceId, string.IsNullOrEmpty(version) ? null : version),
            options?.Retry);
        return _converter.Deserialize<TResult>(result)!;
    }

    /// <summary>
    /// A durable timer firing at <paramref name="fireAt"/> (UTC), of any length: the engine re-arms timers longer
    /// than a queue can hold, so they are never split in history. Cancelling the token completes the returned task
    /// as cancelled; the recorded timer still fires later and is then ignored.
    /// </summary>
    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var id = _nextSequence++;
        var fireAtUtc = new DateTimeOffset(DateTime.SpecifyKind(fireAt.ToUniversalTime(), DateTimeKind.Utc));
        _actions.Add(id, new HistoryEvent(HistoryEventType.TimerCreated, _currentUtc) { EventId = id, FireAt = fireAtUtc });
        var completion = new TaskCompletionSource<string?>();
        _completions.Add(id, _ => completion.TrySetResult(null));
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        }

        return completion.Task;
    }

    /// <summary>
    /// Waits for an external event named <paramref name="eventName"/> (case-insensitive). An event that arrived
    /// before the wait is buffered and returned at once. Several waits on one name are served first-come,
    /// first-served: each event goes to the oldest wait. A cancelled wait leaves the queue of waits, so an event
    /// arriving afterwards stays buffered for the next wait on that name — it is never lost.
    /// </summary>
    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (_bufferedEvents.TryGetValue(eventName, out var buffered) && buffered.Count > 0)
        {
            return Task.FromResult(_converter.Deserialize<T>(buffered.Dequeue().Input)!);
        }

        var completion = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(eventName, out var waiters))
        {
            _waiters[eventName] = waiters = new LinkedList<TaskCompletionSource<string?>>();
        }

        var node = waiters.AddLast(completion);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }

                completion.TrySetCanceled(cancellationToken);
            });
        }

        return DeserializeWhenDone<T>(completion.Task);
    }

    /// <summary>
    /// Sends an event to another orchestration instance (fire and forget, delivered at least once after this
    /// episode is committed). An event to an instance that does not exist is dropped and logged.
    /// </summary>
    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var id = _nextSequence++;
        _actions.Add(id, new HistoryEvent(HistoryEventType.EventSent, _currentUtc)
        {
            EventId = id,
            Name = eventName,
            InstanceId = instanceId,
            Input = _converter.Serialize(payload),
        });
    }

    /// <summary>
    /// Restarts the orchestration with a new input and an empty history once the orchestrator returns (its return
    /// value is then ignored). With <paramref name="preserveUnprocessedEvents"/>, events received but not consumed
    /// are carried over to the new generation, in order.
    /// </summary>
    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        _continueAsNew = (_converter.Serialize(newInput), preserveUnprocessedEvents);

    /// <summary>Sets the custom status shown by the client's instance metadata, saved at the end of the episode.</summary>
    public override void SetCustomStatus(object? customStatus) => _customStatus = _converter.Serialize(customStatus);

    /// <summary>
    /// A replay-safe GUID: a name-based UUIDv5 of the instance id, <see cref="CurrentUtcDateTime"/> and a counter,
    /// the same on every replay.
    /// </summary>
    public override Guid NewGuid() =>
        DeterministicGuid.Create(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{InstanceId}_{CurrentUtcDateTime:o}_{_guidCounter++}"));

    private async Task<T> DeserializeWhenDone<T>(Task<string?> raw) => _converter.Deserialize<T>(await raw)!;

    private async Task<string?> WithRetryAsync(Func<Task<string?>> attempt, TaskRetryOptions? retry)
    {
        if (retry is null || (retry.Policy is null && retry.Handler is null))
        {
            return await attempt();
        }

        var firstAttemptAt = CurrentUtcDateTime;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure)
            {
                if (retry.Policy is { } policy)
                {
                    if (number >= policy.MaxNumberOfAttempts || !(policy.Handle?.Invoke(failure) ?? true))
                    {
                        throw;
                    }

                    var delay = DelayBeforeAttempt(policy, number + 1);
                    if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentUtcDateTime + delay - firstAttemptAt > policy.RetryTimeout)
                    {
                        throw;
                    }

                    await CreateTimer(delay, CancellationToken.None);
                }
                else if (!await retry.Handler!(new RetryContext(this, number, failure.FailureDetails, CurrentUtcDateTime - firstAttemptAt, CancellationToken.None)))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>The wait before attempt n+1: <c>FirstRetryInterval × BackoffCoefficient^(n-1)</c>, capped at <c>MaxRetryInterval</c>.</summary>
    private static TimeSpan DelayBeforeAttempt(RetryPolicy policy, int nextAttempt)
    {
        var ticks = policy.FirstRetryInterval.Ticks * Math.Pow(policy.BackoffCoefficient, nextAttempt - 2);
        return ticks >= policy.MaxRetryInterval.Ticks ? policy.MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }

    private Task<string?> ScheduleAsync(HistoryEventType type, string name, string? input, string? childInstanceId, string? childVersion)
    {
        var id = _nextSequence++;
        var scheduled = new HistoryEvent(type, _currentUtc) { EventId = id, Name = name, Input = input };
        if (type == HistoryEventType.SubOrchestrationCreated)
        {
            scheduled = scheduled with
            {
                InstanceId = childInstanceId ?? $"{InstanceId}:{id}",
                Version = childVersion,
            };
        }

        _actions.Add(id, scheduled);
        var completion = new TaskCompletionSource<string?>();
        _completions.Add(id, done =>
        {
            if (done.Type is HistoryEventType.TaskFailed or HistoryEventType.SubOrchestrationFailed)
            {
                completion.TrySetException(new TaskFailedException(name, id, done.Failure ?? new TaskFailureDetails("Unknown", "No failure details recorded.", null, null, null)));
            }
            else
            {
                completion.TrySetResult(done.Result);
            }
        });
        return completion.Task;
    }
}
