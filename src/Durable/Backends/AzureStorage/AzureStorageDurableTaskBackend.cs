using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// A task hub in Azure Storage, laid out like the Durable Task Azure Storage provider:
/// <list type="bullet">
/// <item><c>{hub}Instances</c>: one row per instance (PartitionKey = instance id) — a projection of history for queries.</item>
/// <item><c>{hub}History</c>: PartitionKey = instance id; rows <c>{executionId}-{n:D8}</c> hold the events, and the
/// <c>sentinel</c> row holds the current execution id, the next row number and the custom status. Its ETag makes
/// every checkpoint single-writer.</item>
/// <item>Queues <c>{hub}-control-NN</c> (instance → partition by a stable hash), <c>{hub}-workitems</c> (activities),
/// <c>{hub}-poison</c>.</item>
/// <item>Container <c>{hub}-payloads</c>: values over 45 KB (table properties, queue messages), referenced by name.</item>
/// </list>
/// <para>Checkpoint order and why a crash anywhere is safe:</para>
/// <list type="number">
/// <item>Payload blobs are written under fresh names; if the checkpoint then fails they are orphans, never read.</item>
/// <item>History rows and the sentinel go in one entity-group transaction with If-Match on the sentinel. A 412/409
/// means another worker advanced the instance: nothing was written and the dispatcher retries from fresh history.
/// This is the only step that changes orchestration state, so state advances exactly once per message.</item>
/// <item>Outbound messages (activities, timers, events, sub-orchestration starts, answers to a parent) are sent only
/// after the commit, so no message refers to a step history does not hold. A crash before they are all sent leaves
/// the input message in its queue; on redelivery the dispatcher finds the episode that consumed it (by queue message
/// id) and sends the episode's messages again. Receivers de-duplicate: completions of finished steps, timers already
/// fired, events already recorded (by logical id) and messages of an older execution are dropped. A checkpoint that
/// continues as new replaces the history, so the new generation's first event carries an outbox (what the old
/// generations sent that the replacement would otherwise forget) and the ids of the messages they consumed: a
/// redelivered input message re-sends the outbox, a redelivered event is not consumed a second time.</item>
/// <item>The instances row is merged from history when what it shows changes; being a projection it may lag (a
/// crash here is repaired by the redelivery above), never lead.</item>
/// <item>The caller deletes the input message last.</item>
/// </list>
/// Activities run in process right after being scheduled (<see cref="DurableTaskOptions.InlineActivityBudget"/>) still
/// have their work item sent first, hidden, and deleted only after their result is committed; a result produced by
/// such a work item later names it (<c>CausedBy</c>), so the redelivery rule above applies to it as well.
/// Timers are delayed messages: a message is hidden for at most <see cref="DurableTaskOptions.MaxMessageDelay"/>
/// (≤ 7 days); when it shows up before its time on the injected clock, the dispatcher re-arms it.
/// <para>Talks to storage through the Azure SDK clients it is given; their options (retry, timeout, service version,
/// message encoding) are the caller's, and should come from <see cref="StorageOptions"/>, whose retry policy never
/// resends an insert, a transaction or a queue put that may have reached the service. Tables, queues and the container
/// are created once per backend (<see cref="EnsureCreatedAsync"/>), never per call. Thread-safe.</para>
/// </summary>
internal sealed partial class AzureStorageDurableTaskBackend : IDurableTaskBackend
{
    private const int MaxInlineBytes = 45 * 1024;

    // Table properties are stored as UTF-16: 45 KB of them is this many characters.
    private const int MaxInlineChars = MaxInlineBytes / 2;
    private const string BlobReferencePrefix = "blob:";

    // The longest a queue message can be hidden, and "never expires".
    private static readonly TimeSpan s_maxVisibility = TimeSpan.FromDays(7);
    private static readonly TimeSpan s_noExpiry = TimeSpan.FromSeconds(-1);

    private readonly DurableTaskOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly TableClient _instances;
    private readonly TableClient _history;
    private readonly BlobContainerClient _payloads;
    private const int MaxKnownRows = 4096;

    private readonly Dictionary<string, QueueClient> _queues = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, KnownRow> _knownRows = new(StringComparer.Ordinal);
    private readonly int _partitionCount;
    private Task? _creation;

    /// <param name="options">The engine's options.</param>
    /// <param name="timeProvider">The clock that decides when timers are due.</param>
    /// <param name="tables">The account's table service; the hub's tables are <c>{hub}Instances</c> and <c>{hub}History</c>.</param>
    /// <param name="queues">The account's queue service (base64 message encoding, as Azure Functions expects).</param>
    /// <param name="blobs">The account's blob service; payloads go to the container <c>{hub}-payloads</c>.</param>
    public AzureStorageDurableTaskBackend(
        DurableTaskOptions options, TimeProvider timeProvider, TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(blobs);
        _options = options;
        _timeProvider = timeProvider;
        _partitionCount = options.PartitionCount;
        _instances = tables.GetTableClient(options.TaskHubName + "Instances");
        _history = tables.GetTableClient(options.TaskHubName + "History");
        _payloads = blobs.GetBlobContainerClient(QueueNaming.Hub(options) + "-payloads");
        ControlQueueNames = QueueNaming.ControlQueues(options);
        WorkItemQueueName = QueueNaming.WorkItems(options);
        PoisonQueueName = QueueNaming.Poison(options);
        foreach (var name in ControlQueueNames.Append(WorkItemQueueName).Append(PoisonQueueName))
        {
            _queues[name] = queues.GetQueueClient(name);
        }
    }

    public event Action? MessageSent;

    public IReadOnlyList<string> ControlQueueNames { get; }

    public string WorkItemQueueName { get; }

    public string PoisonQueueName { get; }

    public string ControlQueueFor(string instanceId) => ControlQueueNames[QueueNaming.Partition(instanceId, _partitionCount)];

    // The service hides messages by its own clock, whatever clock decides when timers are due.
    public TimeProvider QueueClock => TimeProvider.System;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var creation = Volatile.Read(ref _creation);
        if (creation is null || creation.IsFaulted || creation.IsCanceled)
        {
            // Shared by all callers, so it runs without any one caller's token; a failed attempt is retried next call.
            var fresh = CreateAllAsync();
            creation = Interlocked.CompareExchange(ref _creation, fresh, creation) == creation ? fresh : Volatile.Read(ref _creation)!;
        }

        return creation.WaitAsync(cancellationToken);
    }

    private async Task CreateAllAsync()
    {
        await _instances.CreateIfNotExistsAsync(CancellationToken.None);
        await _history.CreateIfNotExistsAsync(CancellationToken.None);
        await _payloads.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        foreach (var queue in _queues.Values)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        }
    }

    public async Task<ReceivedMessage> SendAsync(string queueName, string text, string? instanceId, DateTimeOffset? visibleAt, CancellationToken cancellationToken)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(text) > MaxInlineBytes)
        {
            text = BlobReferencePrefix + await UploadAsync(instanceId is null ? "messages" : instanceId + "/messages", text, cancellationToken);
        }

        TimeSpan? delay = null;
        if (visibleAt is { } at)
        {
            var wait = at - _timeProvider.GetUtcNow();
            var cap = _options.MaxMessageDelay < s_maxVisibility ? _options.MaxMessageDelay : s_maxVisibility;
            delay = wait <= TimeSpan.Zero ? null : WholeSeconds(wait > cap ? cap : wait);
        }

        var receipt = (await _queues[queueName].SendMessageAsync(text, delay, s_noExpiry, cancellationToken)).Value;
        MessageSent?.Invoke();
        return new ReceivedMessage(new DurableQueueMessage(queueName, receipt.MessageId, text, 0, _timeProvider.GetUtcNow()), receipt.PopReceipt);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queueName, int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var messages = (await _queues[queueName].ReceiveMessagesAsync(maxMessages, WholeSeconds(visibilityTimeout), cancellationToken)).Value;
        return messages
            .Select(m => new ReceivedMessage(new DurableQueueMessage(queueName, m.MessageId, m.Body.ToString(), (int)m.DequeueCount, m.InsertedOn), m.PopReceipt))
            .ToList();
    }

    public async Task<bool> HasVisibleMessageAsync(string queueName, CancellationToken cancellationToken) =>
        (await _queues[queueName].PeekMessagesAsync(1, cancellationToken)).Value.Length > 0;

    public async Task DeleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _queues[message.Message.QueueName].DeleteMessageAsync(message.Message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception failure) when (StorageFailure.StatusOf(failure) == 400)
        {
            // PopReceiptMismatch: its invisibility ran out and another worker holds it now; that worker deletes both.
            return;
        }
        catch (Exception failure) when (StorageFailure.IsNotFound(failure))
        {
            // Gone already (deleted by whoever held it, or by our own attempt whose answer was lost): its payload is
            // no longer needed by anyone, so fall through.
        }

        // Only after the message itself is gone: a redelivery must still find its payload.
        var text = message.Message.MessageText;
        if (text.StartsWith(BlobReferencePrefix, StringComparison.Ordinal))
        {
            await _payloads.DeleteBlobIfExistsAsync(text[BlobReferencePrefix.Length..], cancellationToken: cancellationToken);
        }
    }

    public async Task<ReceivedMessage?> RenewAsync(ReceivedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        try
        {
            var receipt = await _queues[message.Message.QueueName].UpdateMessageAsync(
                message.Message.MessageId, message.PopReceipt, messageText: null, WholeSeconds(visibilityTimeout), cancellationToken);
            return message with { PopReceipt = receipt.Value.PopReceipt };
        }
        catch (Exception failure) when (StorageFailure.IsNotFound(failure) || StorageFailure.StatusOf(failure) == 400)
        {
            // 404: deleted; 400 PopReceiptMismatch: received again by someone else after its invisibility ran out.
            return null;
        }
    }

    public async Task<string?> ResolveMessageTextAsync(string text, CancellationToken cancellationToken)
    {
        if (!text.StartsWith(BlobReferencePrefix, StringComparison.Ordinal))
        {
            return text;
        }

        try
        {
            return await DownloadAsync(text[BlobReferencePrefix.Length..], cancellationToken);
        }
        catch (Exception failure) when (StorageFailure.IsNotFound(failure))
        {
            return null;
        }
    }

    /// <summary>
    /// Rounds up to whole seconds, the unit of queue visibility. The SDK truncates, so a 0.5 s timer would be visible at
    /// once and be re-armed in a busy loop instead of waiting.
    /// </summary>
    private static TimeSpan WholeSeconds(TimeSpan value) => TimeSpan.FromSeconds(Math.Ceiling(value.TotalSeconds));
}
