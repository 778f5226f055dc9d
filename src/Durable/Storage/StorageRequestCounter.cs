using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace QuyCheWorkflow.Durable.Storage;

/// <summary>
/// Counts the requests sent to storage, every attempt (retries included), per operation such as <c>table.insert</c>
/// or <c>queue.put</c> (see <see cref="Classify"/>). Add it to <see cref="StorageOptions.PerRetryPolicies"/>; one
/// instance may serve all clients. Thread-safe.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>All requests counted since creation or the last <see cref="Reset"/>.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>A copy of the counts per operation; operations never seen are absent.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>The count of one operation (0 if never seen).</summary>
    public long Count(string operation) => _counts.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>Forgets every count. Requests in flight may be counted before or after.</summary>
    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    /// <summary>
    /// The operation of a request, from its method, path and query: <c>table.insert</c>, <c>table.get</c>,
    /// <c>table.query</c>, <c>table.update</c> (replace), <c>table.merge</c>, <c>table.delete</c>, <c>table.batch</c>,
    /// <c>queue.put</c>, <c>queue.get</c>, <c>queue.peek</c>, <c>queue.delete</c>, <c>queue.update</c>, <c>queue.clear</c>,
    /// <c>blob.put</c>, <c>blob.get</c>, <c>blob.properties</c>, <c>blob.metadata</c>, <c>blob.delete</c>,
    /// <c>blob.list</c>, <c>blob.lease</c>, <c>create</c> (table, queue or container), <c>drop</c> (the same deleted),
    /// and <c>table.other</c>, <c>queue.other</c>, <c>blob.other</c> for the rest.
    /// </summary>
    public static string Classify(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StorageOperation.Of(request);
    }

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _counts.AddOrUpdate(Classify(message.Request), 1, static (_, count) => count + 1);
        Interlocked.Increment(ref _total);
    }
}
