using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// Receives messages from the hub's queues, hands each to the dispatcher and deletes it when handled, renewing
/// its invisibility while the work runs. Shared by the hosted worker and by tests that drive the engine by hand.
/// </summary>
internal sealed class QueuePump(IDurableTaskBackend backend, DurableTaskDispatcher dispatcher, DurableTaskOptions options, ILogger logger)
{
    public IReadOnlyList<string> Queues { get; } = [.. backend.ControlQueueNames, backend.WorkItemQueueName];

    /// <summary>
    /// Processes, one at a time, every message visible now in any queue; returns how many were handled. A batch waiting
    /// its turn is kept hidden as well (<see cref="MessageLease"/>).
    /// </summary>
    public async Task<int> PumpOnceAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var queue in Queues)
        {
            var messages = await backend.ReceiveAsync(queue, 32, options.MessageVisibilityTimeout, cancellationToken);
            await using var lease = MessageLease.Hold(backend, messages, options, logger);
            foreach (var message in messages)
            {
                if (await ProcessAsync(lease, message, cancellationToken))
                {
                    handled++;
                }
            }
        }

        return handled;
    }

    /// <summary>Dispatches one received message, keeping it hidden meanwhile; true when it was handled and deleted.</summary>
    public async Task<bool> ProcessAsync(ReceivedMessage received, CancellationToken cancellationToken)
    {
        await using var lease = MessageLease.Hold(backend, [received], options, logger);
        return await ProcessAsync(lease, received, cancellationToken);
    }

    private async Task<bool> ProcessAsync(MessageLease lease, ReceivedMessage received, CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchAsync(received.Message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message stays in its queue and comes back after its invisibility ends; the dequeue count then
            // moves it towards quarantine if the failure persists.
            await lease.ReleaseAsync(received);
            Log.DispatchFailed(logger, received.Message.MessageId, received.Message.QueueName, exception);
            return false;
        }

        await backend.DeleteAsync(await lease.ReleaseAsync(received), cancellationToken);
        return true;
    }
}
