using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Queues;

/// <summary>
/// One queue. Immutable and thread-safe. Delivery is at-least-once: a received message comes back after its visibility
/// timeout unless deleted, so handlers must be idempotent. Transient failures (408, 429, 5xx, connection failures,
/// per-try timeouts) are retried where the operation is safe to repeat, as each method states; failures surface as
/// <see cref="StorageRequestFailedException"/>. Cancelling abandons the current attempt and pending retries.
/// </summary>
public sealed partial class QueueClient
{
    /// <summary>The longest visibility delay or timeout the service accepts: 7 days.</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    /// <summary>The largest message the service accepts, counted after encoding.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly StoragePipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>A client for one queue, with a pipeline of its own unless <paramref name="options"/> is shared. Sends no request.</summary>
    /// <exception cref="ArgumentException">The name is not a valid queue name.</exception>
    public QueueClient(StorageConnection connection, string queueName, StorageClientOptions? options = null)
        : this(new StoragePipeline(connection, options, StorageService.Queue), queueName)
    {
    }

    internal QueueClient(StoragePipeline pipeline, string queueName)
    {
        if (!QueueNamePattern().IsMatch(queueName ?? string.Empty) || queueName!.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "A queue name is 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.", nameof(queueName));
        }

        _pipeline = pipeline;
        _encoding = pipeline.Transport.QueueMessageEncoding;
        Name = queueName;
    }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>Creates the queue unless it exists. Idempotent, so retried. Returns true if this call created it.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _pipeline.SendAsync(
            "Queue.CreateQueue", RetryMode.Idempotent, () => NewRequest(HttpMethod.Put, Name), cancellationToken, tolerated: HttpStatusCode.Conflict);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>Deletes the queue and its messages. Idempotent, so retried. Returns false if it did not exist.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _pipeline.SendAsync(
            "Queue.DeleteQueue", RetryMode.Idempotent, () => NewRequest(HttpMethod.Delete, Name), cancellationToken, tolerated: HttpStatusCode.NotFound);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>Whether the queue exists. A read, so retried.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _pipeline.SendAsync(
            "Queue.GetMetadata", RetryMode.Idempotent, () => NewRequest(HttpMethod.Get, Name + "?comp=metadata"), cancellationToken, tolerated: HttpStatusCode.NotFound);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>Deletes every message in the queue. Idempotent, so retried.</summary>
    public async Task ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _pipeline.SendAsync(
            "Queue.ClearMessages", RetryMode.Idempotent, () => NewRequest(HttpMethod.Delete, Name + "/messages"), cancellationToken);
    }

    /// <summary>The service's approximate message count (x-ms-approximate-messages-count). A read, so retried.</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _pipeline.SendAsync(
            "Queue.GetMetadata", RetryMode.Idempotent, () => NewRequest(HttpMethod.Get, Name + "?comp=metadata"), cancellationToken);
        var count = ErrorResponse.HeaderValue(response, "x-ms-approximate-messages-count");
        return count is null ? 0 : int.Parse(count, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string Seconds(TimeSpan value) =>
        ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Date(XElement element, string name) =>
        element.Element(name) is { } child
            ? DateTimeOffset.Parse(child.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : default;

    private static string Text(XElement element, string name) => element.Element(name)?.Value ?? string.Empty;

    private static void CheckVisibility(TimeSpan value, TimeSpan minimum, string parameterName)
    {
        if (value < minimum || value > MaxVisibility)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, value, $"Queue visibility must be between {minimum.TotalSeconds:0} seconds and 7 days; the service rejects anything longer than 7 days.");
        }
    }

    private static void CheckMessageId(string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
    }

    private HttpRequestMessage NewRequest(HttpMethod method, string relative, string? messageText = null)
    {
        var request = new HttpRequestMessage(method, _pipeline.Resource(relative));
        if (messageText is not null)
        {
            var xml = new XElement("QueueMessage", new XElement("MessageText", messageText)).ToString(SaveOptions.DisableFormatting);
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        }

        return request;
    }

    private string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = _encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;
        if (Encoding.UTF8.GetByteCount(encoded) > MaxMessageBytes)
        {
            throw new ArgumentException($"A queue message may be at most {MaxMessageBytes} bytes once encoded; store larger payloads in a blob.", nameof(text));
        }

        return encoded;
    }

    private string Decode(string wire)
    {
        if (_encoding == QueueMessageEncoding.None)
        {
            return wire;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(wire));
        }
        catch (FormatException exception)
        {
            throw new StorageRequestFailedException(200, "InvalidMessageEncoding", null, $"A message on queue '{Name}' is not base64; was it sent with another encoding?", exception);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueNamePattern();
}
