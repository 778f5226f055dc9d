using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// Processes one control-queue or work-item-queue message. Used by the embedded worker and by queue triggers.
/// Contract: when <see cref="DispatchAsync"/> returns, the message is fully handled and the caller deletes it;
/// when it throws, the caller leaves it for redelivery. Processing is idempotent, so a message may be delivered
/// any number of times. Thread-safe; messages of one instance are serialized within the process and across
/// processes by the history sentinel's ETag.
/// </summary>
public sealed partial class DurableTaskDispatcher
{
    private const int MaxCheckpointAttempts = 8;
    private const int MaxContinueAsNewPerMessage = 50;
    private const int MaxOutboxGenerations = 4;
    private const int MaxConsumedIds = 256;

    private readonly IDurableTaskBackend _backend;
    private readonly DurableTaskOptions _options;
    private readonly RegisteredTasks _tasks;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly HistoryCache _historyCache = new(256);
    private readonly SemaphoreSlim[] _instanceLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    internal DurableTaskDispatcher(
        IDurableTaskBackend backend, DurableTaskOptions options, IDurableTaskFactory factory, IServiceProvider services, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _backend = backend;
        _options = options;
        _tasks = new RegisteredTasks(factory, services);
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableTaskDispatcher>();
    }

    /// <summary>Gets the control queues (one per partition): a queue trigger per name feeds <see cref="DispatchAsync"/>.</summary>
    public IReadOnlyList<string> ControlQueueNames => _backend.ControlQueueNames;

    /// <summary>Gets the activity work-item queue.</summary>
    public string WorkItemQueueName => _backend.WorkItemQueueName;

    /// <summary>Gets the queue where messages that kept failing are kept, with why.</summary>
    public string PoisonQueueName => _backend.PoisonQueueName;

    /// <summary>
    /// Handles one message. A message delivered more than <see cref="DurableTaskOptions.PoisonMessageThreshold"/>
    /// times is copied to the poison queue and its instance failed, and then counts as handled. Cancellation stops
    /// the work; the message is then redelivered later.
    /// </summary>
    public async Task DispatchAsync(DurableQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _backend.EnsureCreatedAsync(cancellationToken);
        if (await _backend.ResolveMessageTextAsync(message.MessageText, cancellationToken) is not { } text)
        {
            Log.MessageDropped(_logger, message.MessageId, string.Empty, "its payload is gone (handled already or purged)");
            return;
        }

        TaskMessage taskMessage;
        try
        {
            taskMessage = DurableJson.DeserializeMessage(text);
        }
        catch (System.Text.Json.JsonException)
        {
            await QuarantineAsync(message with { MessageText = text }, null, "the message is not a task message", cancellationToken);
            return;
        }

        if (message.DequeueCount > _options.PoisonMessageThreshold)
        {
            await QuarantineAsync(message with { MessageText = text }, taskMessage, $"it was delivered {message.DequeueCount} times without success", cancellationToken);
            return;
        }

        if (taskMessage.NotBefore is { } notBefore && notBefore > _timeProvider.GetUtcNow())
        {
            await SendAsync(message.QueueName, taskMessage, notBefore, cancellationToken);
            return;
        }

        if (taskMessage.Event.Type == HistoryEventType.TaskScheduled)
        {
            await RunActivityAsync(taskMessage, message.MessageId, cancellationToken);
            return;
        }

        var gate = _instanceLocks[QueueNaming.Partition(taskMessage.InstanceId, _instanceLocks.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            await ProcessOrchestrationMessageAsync(message, taskMessage, _options.InlineActivityBudget, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task QuarantineAsync(DurableQueueMessage message, TaskMessage? taskMessage, string reason, CancellationToken cancellationToken)
    {
        var record = new PoisonRecord(message.QueueName, message.MessageId, message.DequeueCount, message.InsertedOn, _timeProvider.GetUtcNow(), reason, message.MessageText);
        // The record holds the resolved text: the original message's payload blob goes when that message is deleted.
        await _backend.SendAsync(_backend.PoisonQueueName, System.Text.Json.JsonSerializer.Serialize(record, DurableJson.Options), taskMessage?.InstanceId, null, cancellationToken);
        Log.MessageQuarantined(_logger, message.MessageId, message.QueueName, message.DequeueCount, _backend.PoisonQueueName);
        if (taskMessage is null)
        {
            return;
        }

        var failure = new TaskFailureDetails(
            "PoisonMessage",
            $"Message {message.MessageId} from queue {message.QueueName} was quarantined in {_backend.PoisonQueueName} because {reason}.",
            null,
            null,
            null);
        var gate = _instanceLocks[QueueNaming.Partition(taskMessage.InstanceId, _instanceLocks.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            await ForceEndAsync(taskMessage.InstanceId, message.MessageId, taskMessage.Id, OrchestrationRuntimeStatus.Failed, null, failure, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private Task<ReceivedMessage> SendAsync(string queueName, TaskMessage message, DateTimeOffset? visibleAt, CancellationToken cancellationToken) =>
        _backend.SendAsync(queueName, DurableJson.SerializeMessage(message), message.InstanceId, visibleAt, cancellationToken);

    /// <summary>What the poison queue holds: the original message and why it was set aside.</summary>
    private sealed record PoisonRecord(
        string QueueName, string MessageId, int DequeueCount, DateTimeOffset? InsertedOn, DateTimeOffset QuarantinedAt, string Reason, string MessageText);
}
