using System.Globalization;
using System.Net;
using System.Xml.Linq;
using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Queues;

public sealed partial class QueueClient
{
    private const string PopReceiptMismatch = "PopReceiptMismatch";

    /// <summary>
    /// Adds a message, invisible for <paramref name="visibilityDelay"/> (0 to 7 days), living for
    /// <paramref name="timeToLive"/> (default 7 days; <see cref="Timeout.InfiniteTimeSpan"/> never expires).
    /// NOT idempotent: a repeated send enqueues a second copy, so it is retried only when the request provably never
    /// reached the service (connection refused). On another transient failure the message may or may not be queued;
    /// a caller that retries accepts duplicates, which at-least-once consumers must tolerate anyway.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative or beyond 7 days, or the time to live is
    /// below one second or not longer than the delay.</exception>
    public async Task<SendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var query = Name + "/messages";
        var parameters = new List<string>();
        if (visibilityDelay is { } delay)
        {
            CheckVisibility(delay, TimeSpan.Zero, nameof(visibilityDelay));
            parameters.Add("visibilitytimeout=" + Seconds(delay));
        }

        if (timeToLive is { } ttl)
        {
            if (ttl == Timeout.InfiniteTimeSpan)
            {
                parameters.Add("messagettl=-1");
            }
            else if (ttl < TimeSpan.FromSeconds(1) || ttl <= (visibilityDelay ?? TimeSpan.Zero))
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "A message's time to live must be at least one second and longer than its visibility delay.");
            }
            else
            {
                parameters.Add("messagettl=" + Seconds(ttl));
            }
        }

        if (parameters.Count > 0)
        {
            query += "?" + string.Join('&', parameters);
        }

        var wire = Encode(messageText);
        using var response = await _pipeline.SendAsync(
            "Queue.PutMessage", RetryMode.NotIdempotent, () => NewRequest(HttpMethod.Post, query, wire), cancellationToken);
        var element = (await ReadMessagesAsync(response, cancellationToken)).Single();
        return new SendReceipt(
            Text(element, "MessageId"), Text(element, "PopReceipt"), Date(element, "InsertionTime"), Date(element, "ExpirationTime"), Date(element, "TimeNextVisible"));
    }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> (1..32) visible messages and hides them for
    /// <paramref name="visibilityTimeout"/> (1 second to 7 days; default 30 seconds). Retried on transient failures:
    /// messages of a lost response simply reappear after their timeout (at-least-once).
    /// </summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var query = $"{Name}/messages?numofmessages={maxMessages.ToString(CultureInfo.InvariantCulture)}";
        if (visibilityTimeout is { } timeout)
        {
            CheckVisibility(timeout, TimeSpan.FromSeconds(1), nameof(visibilityTimeout));
            query += "&visibilitytimeout=" + Seconds(timeout);
        }

        using var response = await _pipeline.SendAsync("Queue.GetMessages", RetryMode.Idempotent, () => NewRequest(HttpMethod.Get, query), cancellationToken);
        return (await ReadMessagesAsync(response, cancellationToken))
            .Select(e => new QueueMessage(
                Text(e, "MessageId"),
                Text(e, "PopReceipt"),
                Decode(Text(e, "MessageText")),
                long.Parse(Text(e, "DequeueCount"), CultureInfo.InvariantCulture),
                Date(e, "InsertionTime"),
                Date(e, "ExpirationTime"),
                Date(e, "TimeNextVisible")))
            .ToList();
    }

    /// <summary>Reads up to <paramref name="maxMessages"/> (1..32) visible messages without hiding them. A read, so retried.</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var query = $"{Name}/messages?peekonly=true&numofmessages={maxMessages.ToString(CultureInfo.InvariantCulture)}";
        using var response = await _pipeline.SendAsync("Queue.PeekMessages", RetryMode.Idempotent, () => NewRequest(HttpMethod.Get, query), cancellationToken);
        return (await ReadMessagesAsync(response, cancellationToken))
            .Select(e => new PeekedMessage(
                Text(e, "MessageId"),
                Decode(Text(e, "MessageText")),
                long.Parse(Text(e, "DequeueCount"), CultureInfo.InvariantCulture),
                Date(e, "InsertionTime"),
                Date(e, "ExpirationTime")))
            .ToList();
    }

    /// <summary>
    /// Changes a received message's visibility (0 to 7 days; 0 makes it visible at once) and optionally its text;
    /// returns the new pop receipt, which replaces the old one. Fails with 400 PopReceiptMismatch when the pop receipt
    /// is stale, 404 MessageNotFound when the message is gone. NOT retried after the request may have reached the service, because a repeat would hold a stale receipt.
    /// </summary>
    public async Task<string> UpdateMessageAsync(string messageId, string popReceipt, string? messageText, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        CheckMessageId(messageId, popReceipt);
        CheckVisibility(visibilityTimeout, TimeSpan.Zero, nameof(visibilityTimeout));
        var wire = messageText is null ? null : Encode(messageText);
        var query = $"{Name}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}&visibilitytimeout={Seconds(visibilityTimeout)}";
        using var response = await _pipeline.SendAsync(
            "Queue.UpdateMessage", RetryMode.NotIdempotent, () => NewRequest(HttpMethod.Put, query, wire), cancellationToken);
        return ErrorResponse.HeaderValue(response, "x-ms-popreceipt")
            ?? throw new StorageRequestFailedException((int)response.StatusCode, null, ErrorResponse.HeaderValue(response, "x-ms-request-id"), "Queue.UpdateMessage answered without a pop receipt.");
    }

    /// <summary>
    /// Deletes a received message. Returns false, deleting nothing, when it is already gone (404 MessageNotFound) or
    /// <paramref name="popReceipt"/> is stale because the message was received or updated since (400
    /// PopReceiptMismatch): it then belongs to whoever holds the newer receipt. Idempotent, so retried.
    /// </summary>
    public async Task<bool> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        CheckMessageId(messageId, popReceipt);
        var query = $"{Name}/messages/{Uri.EscapeDataString(messageId)}?popreceipt={Uri.EscapeDataString(popReceipt)}";
        try
        {
            using var response = await _pipeline.SendAsync(
                "Queue.DeleteMessage", RetryMode.Idempotent, () => NewRequest(HttpMethod.Delete, query), cancellationToken, tolerated: HttpStatusCode.NotFound);
            return response.StatusCode != HttpStatusCode.NotFound;
        }
        catch (StorageRequestFailedException exception) when (exception.ErrorCode == PopReceiptMismatch)
        {
            return false;
        }
    }

    private static async Task<List<XElement>> ReadMessagesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (stream.CanSeek && stream.Length == 0)
        {
            return [];
        }

        var document = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken);
        return document.Root?.Elements("QueueMessage").ToList() ?? [];
    }
}
