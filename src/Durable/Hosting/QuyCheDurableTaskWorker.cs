using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// The SDK's <see cref="DurableTaskWorker"/> over the engine: it owns the <see cref="DurableTaskDispatcher"/> that
/// runs the registry's orchestrators and activities, and, when <see cref="DurableTaskOptions.EnableEmbeddedWorker"/>
/// is set, polls the hub's queues itself. Chosen with <c>AddDurableTaskWorker(b =&gt; b.UseQuyCheEngine(...))</c>.
/// <para>
/// The embedded loop polls the control and work-item queues one at a time, round robin. While messages flow it polls
/// without pause; once a whole round finds nothing, it pauses before each poll, the pause doubling up to
/// <see cref="DurableTaskOptions.MaxPollInterval"/>, so an idle hub costs at most one request per interval in total.
/// A message enqueued by this process wakes it at once. At most <see cref="DurableTaskOptions.MaxConcurrentWorkItems"/>
/// messages run at a time; on shutdown it stops polling and waits for running work, which observes the stopping token
/// (unfinished messages are redelivered later).
/// </para>
/// </summary>
public sealed class QuyCheDurableTaskWorker : DurableTaskWorker
{
    private static readonly TimeSpan s_firstIdleDelay = TimeSpan.FromMilliseconds(20);

    private readonly DurableTaskOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<(IDurableTaskBackend Backend, DurableTaskDispatcher Dispatcher, QueuePump Pump)> _engine;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _workStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _workEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private long _workTransitions;
    private int _loopRunning;

    /// <summary>
    /// Created by the SDK's worker builder (<c>UseBuildTarget</c>) with the builder's name and the registry's factory.
    /// The backend is reached on first use, so an app whose storage is not configured still starts while nothing
    /// asks the engine for work.
    /// </summary>
    public QuyCheDurableTaskWorker(string name, IDurableTaskFactory factory, IServiceProvider services)
        : base(name, factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        _options = services.GetRequiredService<IOptions<DurableTaskOptions>>().Value;
        _logger = loggerFactory.CreateLogger<QuyCheDurableTaskWorker>();
        _engine = new(() =>
        {
            var engine = services.GetRequiredService<DurableTaskEngine>();
            var dispatcher = new DurableTaskDispatcher(engine.Backend, engine.Options, factory, services, engine.TimeProvider, loggerFactory);
            return (engine.Backend, dispatcher, new QueuePump(engine.Backend, dispatcher, engine.Options, _logger));
        });
    }

    /// <summary>
    /// Gets the dispatcher that processes one queue message at a time: what the Functions host's queue triggers call
    /// when the embedded loop is off.
    /// </summary>
    public DurableTaskDispatcher Dispatcher => _engine.Value.Dispatcher;

    private IDurableTaskBackend Backend => _engine.Value.Backend;

    private QueuePump Pump => _engine.Value.Pump;

    /// <summary>
    /// Receives and processes, one at a time, every message visible now in any of the hub's queues, and returns how
    /// many were handled. For driving the engine by hand (tests) instead of the embedded loop.
    /// </summary>
    public async Task<int> ProcessVisibleMessagesAsync(CancellationToken cancellationToken = default)
    {
        BeginWork();
        try
        {
            return await Pump.PumpOnceAsync(cancellationToken);
        }
        finally
        {
            EndWork();
        }
    }

    /// <summary>
    /// Gets the number of polls and messages this worker has in progress now: its embedded loop's receives and the
    /// messages they handed out, and calls to <see cref="ProcessVisibleMessagesAsync"/>. Messages dispatched through
    /// <see cref="Dispatcher"/> directly (the Functions host's queue triggers) are not counted.
    /// </summary>
    public int InFlightCount => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Completes once the hub is idle as this worker sees it: no message of its control or work-item queues is visible
    /// now, and nothing is in flight here (<see cref="InFlightCount"/> is zero), both observed in one window in which
    /// no work started or ended, so work that was running and sent a message is never missed.
    /// <para>
    /// Idle is a moment, not a promise: it does not wait for messages hidden until a later instant (durable timers,
    /// delayed retries, or a message another process holds), which become visible when the backend's clock reaches
    /// them; nor for work another process or the Functions host's triggers are doing. A message sent after this
    /// returns (a client's new instance or event) starts work again. While the embedded loop runs, it does the work
    /// and this only watches; when it does not run (<see cref="DurableTaskOptions.EnableEmbeddedWorker"/> off, or not
    /// started), this processes the visible messages itself, one at a time, as
    /// <see cref="ProcessVisibleMessagesAsync"/> does. Thread-safe; several callers may wait at once. Cancellation
    /// stops the wait (and any processing it does, the message coming back after its invisibility ends) and throws
    /// <see cref="OperationCanceledException"/>. A hub that never settles (an orchestration that keeps sending
    /// itself messages) never completes it: pass a token with a time limit.
    /// </para>
    /// </summary>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Volatile.Read(ref _workStarted);
            var ended = Volatile.Read(ref _workEnded);
            var transitions = Interlocked.Read(ref _workTransitions);
            if (Volatile.Read(ref _inFlight) > 0)
            {
                await ended.Task.WaitAsync(cancellationToken);
                continue;
            }

            var visible = await AnyVisibleMessageAsync(cancellationToken);
            if (!visible && Volatile.Read(ref _inFlight) == 0 && Interlocked.Read(ref _workTransitions) == transitions)
            {
                return;
            }

            if (!visible)
            {
                // Work started or ended while the queues were read: look again.
                continue;
            }

            if (Volatile.Read(ref _loopRunning) == 0)
            {
                await ProcessVisibleMessagesAsync(cancellationToken);
                continue;
            }

            // The loop takes the message at its next poll (at once if it was sent here, else within its pause).
            await Task.WhenAny(started.Task, Task.Delay(_options.MaxPollInterval, cancellationToken)).WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.EnableEmbeddedWorker)
        {
            return;
        }

        await Backend.EnsureCreatedAsync(stoppingToken);
        Backend.MessageSent += Wake;
        Interlocked.Exchange(ref _loopRunning, 1);
        Log.WorkerStarted(_logger, _options.TaskHubName, Pump.Queues.Count);
        using var slots = new SemaphoreSlim(_options.MaxConcurrentWorkItems, _options.MaxConcurrentWorkItems);
        var running = new HashSet<Task>();
        var idleDelay = TimeSpan.Zero;
        var emptyPolls = 0;
        var next = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var queue = Pump.Queues[next++ % Pump.Queues.Count];
                await slots.WaitAsync(stoppingToken);
                var taken = 1;
                while (taken < 32 && slots.Wait(0, CancellationToken.None))
                {
                    taken++;
                }

                var wake = Volatile.Read(ref _wake);
                IReadOnlyList<ReceivedMessage> messages;

                // The poll counts as work in flight until its messages are counted, so an idle check never falls
                // between a receive that hid a message and the start of its processing.
                BeginWork();
                try
                {
                    messages = await Backend.ReceiveAsync(queue, taken, _options.MessageVisibilityTimeout, stoppingToken);
                    foreach (var _ in messages)
                    {
                        BeginWork();
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.PollFailed(_logger, queue, exception);
                    messages = [];
                }
                finally
                {
                    EndWork();
                }

                var unused = taken - messages.Count;
                if (unused > 0)
                {
                    slots.Release(unused);
                }

                foreach (var message in messages)
                {
                    var work = RunAsync(message, slots, stoppingToken);
                    lock (running)
                    {
                        running.Add(work);
                    }

                    _ = work.ContinueWith(t => { lock (running) { running.Remove(t); } }, TaskScheduler.Default);
                }

                if (messages.Count > 0)
                {
                    idleDelay = TimeSpan.Zero;
                    emptyPolls = 0;
                    continue;
                }

                // Only a whole round of empty queues means idle; then each further poll waits longer.
                if (++emptyPolls < Pump.Queues.Count)
                {
                    continue;
                }

                idleDelay = idleDelay == TimeSpan.Zero ? s_firstIdleDelay : TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, _options.MaxPollInterval.Ticks));
                await Task.WhenAny(Task.Delay(idleDelay, stoppingToken), wake.Task);
                if (wake.Task.IsCompleted)
                {
                    Interlocked.CompareExchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), wake);
                    idleDelay = TimeSpan.Zero;
                    emptyPolls = 0;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: fall through to wait for the work in flight.
        }
        finally
        {
            Interlocked.Exchange(ref _loopRunning, 0);
            Backend.MessageSent -= Wake;
            Task[] inFlight;
            lock (running)
            {
                inFlight = [.. running];
            }

            await Task.WhenAll(inFlight);
        }
    }

    private async Task RunAsync(ReceivedMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await Pump.ProcessAsync(message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message is redelivered after its invisibility ends.
        }
        finally
        {
            slots.Release();
            EndWork();
        }
    }

    private void Wake() => Volatile.Read(ref _wake).TrySetResult();

    private void BeginWork()
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _workTransitions);
        Interlocked.Exchange(ref _workStarted, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private void EndWork()
    {
        Interlocked.Increment(ref _workTransitions);
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Exchange(ref _workEnded, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private async Task<bool> AnyVisibleMessageAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in Pump.Queues)
        {
            if (await Backend.HasVisibleMessageAsync(queue, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
