using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable;

/// <summary>The replay half of the context: feeding history events and collecting what the code did.</summary>
internal sealed partial class ReplayOrchestrationContext
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly DataConverter _converter;
    private readonly ReplaySynchronizationContext _syncContext = new();
    private readonly SortedDictionary<int, HistoryEvent> _actions = [];
    private readonly Dictionary<int, Action<HistoryEvent>> _completions = [];
    private readonly Dictionary<string, Queue<HistoryEvent>> _bufferedEvents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<HistoryEvent> _bufferedWhileSuspended = [];
    private readonly List<HistoryEvent> _eventsAfterCompletion = [];
    private DateTimeOffset _currentUtc;
    private int _nextSequence;
    private int _guidCounter;
    private string? _serializedInput;
    private string? _customStatus;
    private (string? Input, bool PreserveEvents)? _continueAsNew;
    private bool _suspended;
    private Task<object?>? _run;
    private EpisodeOutcome _outcome = EpisodeOutcome.Running;
    private string? _output;
    private TaskFailureDetails? _failure;
    private ParentOrchestrationInstance? _parent;
    private bool _isReplaying;

    public ReplayOrchestrationContext(string instanceId, string name, string? version, string? customStatus, DataConverter converter, ILoggerFactory loggerFactory)
    {
        _converter = converter;
        InstanceId = instanceId;
        Name = name;
        Version = version ?? string.Empty;
        _customStatus = customStatus;
        _loggerFactory = loggerFactory;
    }

    /// <summary>
    /// Replays <paramref name="past"/> and then applies <paramref name="fresh"/>, running the orchestrator code as
    /// events complete what it awaits. Never throws for orchestrator faults or history mismatches: they come back
    /// as a failed outcome.
    /// </summary>
    public EpisodeResult Execute(ITaskOrchestrator orchestrator, IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> fresh)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        try
        {
            _isReplaying = true;
            foreach (var historyEvent in past)
            {
                Apply(orchestrator, historyEvent);
            }

            _isReplaying = false;
            foreach (var historyEvent in fresh)
            {
                Apply(orchestrator, historyEvent);
            }
        }
        catch (NonDeterministicOrchestrationException mismatch)
        {
            return new EpisodeResult([], EpisodeOutcome.Failed, null, FailureDetails.From(mismatch), _customStatus, []);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        var newActions = _outcome == EpisodeOutcome.Terminated ? [] : _actions.Values.ToList();
        var carried = new List<HistoryEvent>();
        if (_outcome == EpisodeOutcome.ContinuedAsNew && _continueAsNew!.Value.PreserveEvents)
        {
            foreach (var payloads in _bufferedEvents.Values)
            {
                carried.AddRange(payloads);
            }

            carried.AddRange(_bufferedWhileSuspended.Where(e => e.Type == HistoryEventType.EventRaised));
            carried.AddRange(_eventsAfterCompletion.Where(e => e.Type == HistoryEventType.EventRaised));
        }

        return new EpisodeResult(newActions, _outcome, _output, _failure, _customStatus, carried);
    }

    private void Apply(ITaskOrchestrator orchestrator, HistoryEvent historyEvent)
    {
        if (_outcome != EpisodeOutcome.Running)
        {
            _eventsAfterCompletion.Add(historyEvent);
            return;
        }

        switch (historyEvent.Type)
        {
            case HistoryEventType.OrchestratorStarted:
                _currentUtc = historyEvent.Timestamp;
                break;
            case HistoryEventType.ExecutionStarted:
                Start(orchestrator, historyEvent);
                break;
            case HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated
                or HistoryEventType.SubOrchestrationCreated or HistoryEventType.EventSent:
                Match(historyEvent);
                break;
            case HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed or HistoryEventType.TimerFired
                or HistoryEventType.SubOrchestrationCompleted or HistoryEventType.SubOrchestrationFailed
                or HistoryEventType.EventRaised:
                if (_suspended)
                {
                    _bufferedWhileSuspended.Add(historyEvent);
                }
                else
                {
                    Deliver(historyEvent);
                }

                break;
            case HistoryEventType.ExecutionSuspended:
                _suspended = true;
                break;
            case HistoryEventType.ExecutionResumed:
                _suspended = false;
                var held = _bufferedWhileSuspended.ToList();
                _bufferedWhileSuspended.Clear();
                foreach (var heldEvent in held)
                {
                    Deliver(heldEvent);
                    _syncContext.Drain();
                    CheckCompletion();
                }

                break;
            case HistoryEventType.ExecutionTerminated:
                _outcome = EpisodeOutcome.Terminated;
                _output = historyEvent.Result;
                return;
            default:
                break;
        }

        _syncContext.Drain();
        CheckCompletion();
    }

    private void Start(ITaskOrchestrator orchestrator, HistoryEvent started)
    {
        _serializedInput = started.Input;
        _parent = started.ParentInstanceId is { } parentId ? new ParentOrchestrationInstance(new TaskName(started.ParentName ?? string.Empty), parentId) : null;
        try
        {
            var input = _converter.Deserialize(started.Input, orchestrator.InputType);
            _run = orchestrator.RunAsync(this, input);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _run = Task.FromException<object?>(exception);
        }
    }

    private void Match(HistoryEvent recorded)
    {
        if (!_actions.Remove(recorded.EventId, out var produced))
        {
            throw new NonDeterministicOrchestrationException(recorded.EventId, recorded.Describe(), "nothing at this step");
        }

        if (produced.Type != recorded.Type || !string.Equals(produced.Name, recorded.Name, StringComparison.Ordinal))
        {
            throw new NonDeterministicOrchestrationException(recorded.EventId, recorded.Describe(), produced.Describe());
        }
    }

    private void Deliver(HistoryEvent historyEvent)
    {
        if (historyEvent.Type == HistoryEventType.EventRaised)
        {
            var name = historyEvent.Name ?? string.Empty;
            if (_waiters.TryGetValue(name, out var waiters) && waiters.First is { } oldest)
            {
                waiters.RemoveFirst();
                oldest.Value.TrySetResult(historyEvent.Input);
                return;
            }

            if (!_bufferedEvents.TryGetValue(name, out var queue))
            {
                _bufferedEvents[name] = queue = new Queue<HistoryEvent>();
            }

            queue.Enqueue(historyEvent);
            return;
        }

        if (historyEvent.TaskScheduledId is { } id && _completions.Remove(id, out var complete))
        {
            complete(historyEvent);
        }
    }

    private void CheckCompletion()
    {
        if (_run is null || !_run.IsCompleted || _outcome != EpisodeOutcome.Running)
        {
            return;
        }

        if (_run.IsCompletedSuccessfully)
        {
            if (_continueAsNew is { } next)
            {
                _outcome = EpisodeOutcome.ContinuedAsNew;
                _output = next.Input;
            }
            else
            {
                _outcome = EpisodeOutcome.Completed;
                _output = _converter.Serialize(_run.Result);
            }

            return;
        }

        _outcome = EpisodeOutcome.Failed;
        var exception = _run.Exception?.InnerException ?? _run.Exception ?? (Exception)new TaskCanceledException();
        _failure = FailureDetails.From(exception);
    }
}
