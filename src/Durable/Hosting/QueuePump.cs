using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// Receives messages from the hub's queues, hands each to the dispatcher and deletes it when handled, renewing
/// its invisibility while the work runs. Shared by the hosted worker and by tests that drive the engine by hand.
/// </summary>
internal sealed class QueuePump(IDurableTaskBackend backend, DurableTaskDispatcher dispatcher, DurableTaskOptions options, ILogger logger)
{
    public IReadOnlyList<string> Queues { get; } = [.. backend.ControlQueueNames, backend.WorkItemQueueName];

    /// <summary>Processes, one at a time, every message visible now in any queue; returns how many were handled.</summary>
    public async Task<int> PumpOnceAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var queue in Queues)
        {
            var messages = await backend.ReceiveAsync(queue, 32, options.MessageVisibilityTimeout, cancellationToken);
            foreach (var message in messages)
            {
                if (await ProcessAsync(message, cancellationToken))
                {
                    handled++;
                }
            }
        }

        return handled;
    }

    /// <summary>Dispatches one received message; true when it was handled and deleted.</summary>
    public async Task<bool> ProcessAsync(ReceivedMessage received, CancellationToken cancellationToken)
    {
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var current = received;
        var renewing = RenewWhileRunningAsync(() => current, r => current = r, renewal.Token);
        try
        {
            await dispatcher.DispatchAsync(received.Message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message stays in its queue and comes back after its invisibility ends; the dequeue count then
            // moves it towards quarantine if the failure persists.
            Log.DispatchFailed(logger, received.Message.MessageId, received.Message.QueueName, exception);
            return false;
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }

        await backend.DeleteAsync(current, cancellationToken);
        return true;
    }

    private async Task RenewWhileRunningAsync(Func<ReceivedMessage> get, Action<ReceivedMessage> set, CancellationToken cancellationToken)
    {
        var period = options.MessageVisibilityTimeout / 2;
        try
        {
            while (true)
            {
                await Task.Delay(period, cancellationToken);
                set(await backend.RenewAsync(get(), options.MessageVisibilityTimeout, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The work finished (or the worker stops): nothing more to renew.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Renewal is an optimisation: if the message shows up again, processing it twice is idempotent.
            Log.RenewFailed(logger, get().Message.MessageId, exception);
        }
    }
}
