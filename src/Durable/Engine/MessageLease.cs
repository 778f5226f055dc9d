using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// Keeps queue messages hidden while their work runs: every third of
/// <see cref="DurableTaskOptions.MessageVisibilityTimeout"/> (on the backend's <see cref="IDurableTaskBackend.QueueClock"/>)
/// each held message is hidden for a whole timeout again. So the timeout can be short — a message whose process died
/// shows up again within it — while work of any length keeps its message to itself.
/// <para>
/// A failed renewal is logged and tried again next time; a message the queue says is no longer held (deleted, or
/// received by someone else after its invisibility ran out) is dropped from the lease. <see cref="ReleaseAsync"/> waits
/// for a renewal in flight, so the receipt it returns is the message's latest. Thread-safe.
/// </para>
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly IDurableTaskBackend _backend;
    private readonly TimeSpan _visibilityTimeout;
    private readonly ILogger _logger;
    private readonly Dictionary<string, ReceivedMessage> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private MessageLease(IDurableTaskBackend backend, IEnumerable<ReceivedMessage> messages, TimeSpan visibilityTimeout, ILogger logger)
    {
        _backend = backend;
        _visibilityTimeout = visibilityTimeout;
        _logger = logger;
        foreach (var message in messages)
        {
            _held[message.Message.MessageId] = message;
        }

        _renewing = _held.Count == 0 ? Task.CompletedTask : RenewUntilStoppedAsync();
    }

    /// <summary>Starts renewing <paramref name="messages"/>; the first renewal comes a third of the timeout from now.</summary>
    public static MessageLease Hold(IDurableTaskBackend backend, IEnumerable<ReceivedMessage> messages, DurableTaskOptions options, ILogger logger) =>
        new(backend, messages, options.MessageVisibilityTimeout, logger);

    /// <summary>
    /// Stops renewing a message and returns it with its latest receipt (what deleting it needs), or as given when the
    /// lease does not hold it (any more).
    /// </summary>
    public async Task<ReceivedMessage> ReleaseAsync(ReceivedMessage message)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            return _held.Remove(message.Message.MessageId, out var current) ? current : message;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops renewing whatever is still held; those messages show up again when their invisibility ends.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        _gate.Dispose();
    }

    private async Task RenewUntilStoppedAsync()
    {
        // A periodic timer keeps its beat however long one round of renewals takes.
        using var timer = new PeriodicTimer(_visibilityTimeout / 3, _backend.QueueClock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await _gate.WaitAsync(_stop.Token);
                try
                {
                    foreach (var message in _held.Values.ToList())
                    {
                        await RenewAsync(message);
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The work finished (or the worker stops): nothing more to renew.
        }
    }

    private async Task RenewAsync(ReceivedMessage message)
    {
        var id = message.Message.MessageId;
        try
        {
            if (await _backend.RenewAsync(message, _visibilityTimeout, _stop.Token) is { } renewed)
            {
                _held[id] = renewed;
            }
            else
            {
                _held.Remove(id);
                Log.LeaseLost(_logger, id, message.Message.QueueName);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            // Tried again next period, well before the invisibility set by the last renewal ends.
            Log.RenewFailed(_logger, id, exception);
        }
    }
}
