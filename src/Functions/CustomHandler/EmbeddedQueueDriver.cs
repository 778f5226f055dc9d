using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Functions.CustomHandler;

/// <summary>
/// The Functions host's queue trigger, in process, for runs without the host: it polls the queue of every
/// queue-triggered function.json and hands each message to the same <see cref="QueueTriggerHandler"/>, following
/// host.json's batch size, visibility timeout on failure, maxDequeueCount and <c>&lt;queue&gt;-poison</c> queue.
/// A message is deleted only after the handler completed; delivery is at least once.
/// <para>
/// A message being handled is hidden for the engine's <see cref="DurableTaskOptions.MessageVisibilityTimeout"/> (30 s)
/// and hidden again every third of it until the handler ends, as the host renews its own lease; so a message whose
/// process died shows up again within that time, while a handler of any length keeps its message. (The host's lease
/// is 10 minutes and cannot be set: host.json's <c>visibilityTimeout</c> is only the pause before a failed delivery
/// is retried; see <see cref="QueueTriggerSettings"/>.)
/// </para>
/// </summary>
public sealed class EmbeddedQueueDriver : BackgroundService
{
    private static readonly TimeSpan s_minPollingInterval = TimeSpan.FromMilliseconds(100);

    // The queue service's "never expires" time to live.
    private static readonly TimeSpan s_neverExpires = TimeSpan.FromSeconds(-1);

    private readonly FunctionCatalog _catalog;
    private readonly QueueServiceClient _queues;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _processingVisibility;
    private readonly ILogger<EmbeddedQueueDriver> _logger;

    public EmbeddedQueueDriver(
        FunctionCatalog catalog,
        QueueServiceClient queues,
        IServiceProvider services,
        TimeProvider timeProvider,
        IOptions<DurableTaskOptions> durableTaskOptions,
        ILogger<EmbeddedQueueDriver> logger)
    {
        ArgumentNullException.ThrowIfNull(durableTaskOptions);
        _catalog = catalog;
        _queues = queues;
        _services = services;
        _timeProvider = timeProvider;
        _processingVisibility = durableTaskOptions.Value.MessageVisibilityTimeout;
        _logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handler = _services.GetService<QueueTriggerHandler>();
        if (handler is null || _catalog.QueueTriggers.Count == 0)
        {
            return Task.CompletedTask;
        }

        return Task.WhenAll(_catalog.QueueTriggers.Select(function => PollAsync(function, handler, stoppingToken)));
    }

    private async Task PollAsync(QueueTriggerFunction function, QueueTriggerHandler handler, CancellationToken stoppingToken)
    {
        var settings = _catalog.QueueSettings;
        var queue = _queues.GetQueueClient(function.QueueName);
        var idleDelay = s_minPollingInterval;
        var created = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!created)
                {
                    // Once, and again only after the queue was found missing: an idle poll is one request.
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    created = true;
                }

                QueueMessage[] messages = await queue.ReceiveMessagesAsync(settings.BatchSize, _processingVisibility, stoppingToken);
                if (messages.Length > 0)
                {
                    idleDelay = s_minPollingInterval;
                    await Task.WhenAll(messages.Select(message => ProcessAsync(function, queue, message, handler, stoppingToken)));
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (IsPollFailure(exception))
            {
                created &= !StorageFailure.IsNotFound(exception);
                Log.QueuePollFailed(_logger, exception, function.QueueName, settings.MaxPollingInterval);
                idleDelay = settings.MaxPollingInterval;
            }

            try
            {
                await Task.Delay(idleDelay, _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, settings.MaxPollingInterval.Ticks));
        }
    }

    private async Task ProcessAsync(
        QueueTriggerFunction function, QueueClient queue, QueueMessage message, QueueTriggerHandler handler, CancellationToken stoppingToken)
    {
        var settings = _catalog.QueueSettings;
        var dequeueCount = (int)Math.Min(message.DequeueCount, int.MaxValue);
        if (dequeueCount > settings.MaxDequeueCount)
        {
            await PoisonAsync(function, queue, message, message.PopReceipt, dequeueCount, stoppingToken);
            return;
        }

        var popReceipt = new Receipt(message.PopReceipt);
        Exception? failure = null;
        using (var handled = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            var renewing = KeepHiddenAsync(queue, message.MessageId, popReceipt, handled.Token, stoppingToken);
            try
            {
                await handler(
                    new QueueTriggerMessage(function.QueueName, message.MessageId, message.MessageText, dequeueCount, message.InsertedOn.GetValueOrDefault()),
                    stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed delivery is logged and retried or poisoned, exactly as the Functions host does.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failure = exception;
            }
            finally
            {
                // A renewal in flight completes first, so the receipt used below is the message's latest.
                await handled.CancelAsync();
                await renewing;
            }
        }

        if (failure is null)
        {
            await DeleteAsync(queue, message.MessageId, popReceipt.Value, stoppingToken);
        }
        else if (dequeueCount >= settings.MaxDequeueCount)
        {
            await PoisonAsync(function, queue, message, popReceipt.Value, dequeueCount, stoppingToken);
        }
        else
        {
            Log.QueueMessageFailed(_logger, failure, message.MessageId, function.QueueName, dequeueCount, settings.VisibilityTimeout);
            await queue.UpdateMessageAsync(message.MessageId, popReceipt.Value, messageText: null, settings.VisibilityTimeout, stoppingToken);
        }
    }

    /// <summary>
    /// Hides the message again every third of its visibility timeout until <paramref name="handled"/> is cancelled,
    /// keeping <paramref name="popReceipt"/> current. Timed on the real clock: the queue service hides messages by its
    /// own, whatever clock the app is given.
    /// </summary>
    private async Task KeepHiddenAsync(
        QueueClient queue, string messageId, Receipt popReceipt, CancellationToken handled, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(_processingVisibility / 3, TimeProvider.System, handled);
            }
            catch (OperationCanceledException) when (handled.IsCancellationRequested)
            {
                return;
            }

            try
            {
                var receipt = await queue.UpdateMessageAsync(messageId, popReceipt.Value, messageText: null, _processingVisibility, stoppingToken);
                popReceipt.Value = receipt.Value.PopReceipt;
            }
            catch (RequestFailedException exception) when (exception.Status == 404 || exception.ErrorCode == "PopReceiptMismatch")
            {
                // Gone, or received again by someone else after its invisibility ran out: not ours to renew any more.
                Log.QueueMessageLeaseLost(_logger, messageId, queue.Name);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (IsPollFailure(exception))
            {
                // Tried again next period, well before the invisibility set by the last renewal ends.
                Log.QueueMessageRenewFailed(_logger, exception, messageId, queue.Name);
            }
        }
    }

    private async Task PoisonAsync(
        QueueTriggerFunction function, QueueClient queue, QueueMessage message, string popReceipt, int dequeueCount, CancellationToken stoppingToken)
    {
        var poisonQueueName = function.QueueName + "-poison";
        var poison = _queues.GetQueueClient(poisonQueueName);
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await poison.SendMessageAsync(message.MessageText, visibilityTimeout: null, timeToLive: s_neverExpires, stoppingToken);
        await DeleteAsync(queue, message.MessageId, popReceipt, stoppingToken);
        Log.QueueMessagePoisoned(_logger, message.MessageId, function.QueueName, poisonQueueName, dequeueCount);
    }

    /// <summary>
    /// A failure the next poll may not meet: the service refused or did not answer (its last try's timeout included),
    /// or a message on the queue is not base64 (sent with another encoding; the host would poison it).
    /// </summary>
    private static bool IsPollFailure(Exception exception) =>
        exception is RequestFailedException or AggregateException or FormatException || StorageFailure.IsTransient(exception);

    /// <summary>
    /// Deletes a handled message. A message already gone (404), or taken again by another receiver after its
    /// visibility ran out (400 PopReceiptMismatch), is left to whoever holds it now, as the host does.
    /// </summary>
    private static async Task DeleteAsync(QueueClient queue, string messageId, string popReceipt, CancellationToken stoppingToken)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, stoppingToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404 || exception.ErrorCode == "PopReceiptMismatch")
        {
        }
    }

    /// <summary>A held message's latest pop receipt, which each renewal replaces.</summary>
    private sealed class Receipt(string value)
    {
        public string Value { get; set; } = value;
    }
}
