using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// What an orchestrator uses to schedule work, wait and read replay-safe values. The engine creates one per episode
/// and replays the recorded history through it; every method must be called from the orchestrator's own flow
/// (never from another thread). Not thread-safe.
/// </summary>
public sealed partial class TaskOrchestrationContext
{
    /// <summary>Gets the orchestration instance id.</summary>
    public string InstanceId { get; }

    /// <summary>Gets the orchestrator's registered name.</summary>
    public string Name { get; }

    /// <summary>Gets the version stamped on this instance when it started (empty when none).</summary>
    public string Version { get; }

    /// <summary>Gets the parent instance when this is a sub-orchestration.</summary>
    public string? ParentInstanceId { get; private set; }

    /// <summary>Gets the time of the current episode as recorded in history: the same value on every replay.</summary>
    public DateTime CurrentUtcDateTime => _currentUtc.UtcDateTime;

    /// <summary>Gets whether the code is re-running from history (side effects such as logging should be skipped).</summary>
    public bool IsReplaying { get; private set; }

    /// <summary>Reads the orchestration's input as <typeparamref name="T"/>.</summary>
    public T? GetInput<T>() => DurableJson.Deserialize<T>(_serializedInput);

    /// <summary>
    /// Calls an activity and returns its result. The call is recorded in history; on replay the recorded result
    /// is returned without running the activity again. Throws <see cref="TaskFailedException"/> when the activity
    /// fails after the retries of <paramref name="options"/>.
    /// </summary>
    public async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var serializedInput = DurableJson.Serialize(input);
        var result = await WithRetryAsync(() => ScheduleAsync(HistoryEventType.TaskScheduled, name, serializedInput, null, null), options?.Retry);
        return DurableJson.Deserialize<TResult>(result)!;
    }

    /// <summary>Calls an activity that returns nothing; see <see cref="CallActivityAsync{TResult}"/>.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>
    /// Starts a sub-orchestration and waits for its output. The child's instance id is
    /// <see cref="SubOrchestrationOptions.InstanceId"/> or, when absent, <c>{parent id}:{step}</c>.
    /// Throws <see cref="TaskFailedException"/> when the child fails.
    /// </summary>
    public async Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, SubOrchestrationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        var serializedInput = DurableJson.Serialize(input);
        var result = await WithRetryAsync(
            () => ScheduleAsync(HistoryEventType.SubOrchestrationCreated, orchestratorName, serializedInput, options?.InstanceId, options?.Version),
            options?.Retry);
        return DurableJson.Deserialize<TResult>(result)!;
    }

    /// <summary>Starts a sub-orchestration that returns nothing; see <see cref="CallSubOrchestratorAsync{TResult}"/>.</summary>
    public Task CallSubOrchestratorAsync(string orchestratorName, object? input = null, SubOrchestrationOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(orchestratorName, input, options);

    /// <summary>
    /// A durable timer firing at <paramref name="fireAt"/> (UTC), of any length. Cancelling the token completes the
    /// returned task as cancelled; the recorded timer still fires later and is then ignored.
    /// </summary>
    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
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

    /// <summary>A durable timer firing <paramref name="delay"/> after <see cref="CurrentUtcDateTime"/>.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => CreateTimer(CurrentUtcDateTime + delay, cancellationToken);

    /// <summary>
    /// Waits for an external event named <paramref name="eventName"/> (case-insensitive). An event that arrived
    /// before the wait is buffered and returned at once. Several waits on one name are served first-come,
    /// first-served: each event goes to the oldest wait. A cancelled wait leaves the queue of waits, so an event
    /// arriving afterwards stays buffered for the next wait on that name — it is never lost.
    /// </summary>
    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (_bufferedEvents.TryGetValue(eventName, out var buffered) && buffered.Count > 0)
        {
            return Task.FromResult(DurableJson.Deserialize<T>(buffered.Dequeue().Input)!);
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
    /// Waits for an external event for at most <paramref name="timeout"/> (a durable timer). Throws
    /// <see cref="TaskCanceledException"/> when the timeout expires first, as durabletask-dotnet does; an event
    /// arriving after that stays buffered for the next wait on the same name.
    /// </summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (_bufferedEvents.TryGetValue(eventName, out var buffered) && buffered.Count > 0)
        {
            return DurableJson.Deserialize<T>(buffered.Dequeue().Input)!;
        }

        using var timerCancellation = new CancellationTokenSource();
        using var waitCancellation = new CancellationTokenSource();
        var timer = CreateTimer(timeout, timerCancellation.Token);
        var wait = WaitForExternalEvent<T>(eventName, waitCancellation.Token);
        var winner = await Task.WhenAny(wait, timer);
        if (winner == wait)
        {
            // Synchronous cancel on purpose: CancelAsync would run the callbacks on another thread, outside replay.
            timerCancellation.Cancel();
            return await wait;
        }

        waitCancellation.Cancel();
        throw new TaskCanceledException($"External event '{eventName}' did not arrive within {timeout}.");
    }

    /// <summary>
    /// Sends an event to another orchestration instance (fire and forget, delivered at least once after this
    /// episode is committed). An event to an instance that does not exist is dropped and logged.
    /// </summary>
    public void SendEvent(string instanceId, string eventName, object? eventData)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var id = _nextSequence++;
        _actions.Add(id, new HistoryEvent(HistoryEventType.EventSent, _currentUtc)
        {
            EventId = id,
            Name = eventName,
            InstanceId = instanceId,
            Input = DurableJson.Serialize(eventData),
        });
    }

    /// <summary>
    /// Restarts the orchestration with a new input and an empty history once the orchestrator returns (its return
    /// value is then ignored). With <paramref name="preserveUnprocessedEvents"/>, events received but not consumed
    /// are carried over to the new generation, in order.
    /// </summary>
    public void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        _continueAsNew = (DurableJson.Serialize(newInput), preserveUnprocessedEvents);

    /// <summary>Sets the custom status shown by <see cref="DurableTaskClient.GetInstanceAsync"/>, saved at the end of the episode.</summary>
    public void SetCustomStatus(object? customStatus) => _customStatus = DurableJson.Serialize(customStatus);

    /// <summary>
    /// A replay-safe GUID: a name-based UUIDv5 of the instance id, <see cref="CurrentUtcDateTime"/> and a counter,
    /// the same on every replay.
    /// </summary>
    public Guid NewGuid() =>
        DeterministicGuid.Create(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{InstanceId}_{CurrentUtcDateTime:o}_{_guidCounter++}"));

    /// <summary>A logger that writes only when the code is not replaying, so each message is logged once.</summary>
    public ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLogger(this, _loggerFactory.CreateLogger(categoryName));

    /// <summary>A logger that writes only when the code is not replaying.</summary>
    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);

    private static async Task<T> DeserializeWhenDone<T>(Task<string?> raw) => DurableJson.Deserialize<T>(await raw)!;

    private async Task<string?> WithRetryAsync(Func<Task<string?>> attempt, RetryPolicy? policy)
    {
        if (policy is null)
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
            catch (TaskFailedException failure) when (number < policy.MaxNumberOfAttempts && (policy.HandleFailure?.Invoke(failure.FailureDetails) ?? true))
            {
                var delay = policy.DelayBeforeAttempt(number + 1);
                if (policy.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentUtcDateTime + delay - firstAttemptAt > policy.RetryTimeout)
                {
                    throw;
                }

                await CreateTimer(delay, CancellationToken.None);
            }
        }
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
                completion.TrySetException(new TaskFailedException(name, id, done.Failure ?? new TaskFailureDetails("Unknown", "No failure details recorded.", null)));
            }
            else
            {
                completion.TrySetResult(done.Result);
            }
        });
        return completion.Task;
    }
}
