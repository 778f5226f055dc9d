using System.Collections.Concurrent;

namespace QuyCheWorkflow.Storage;

/// <summary>
/// Counts the HTTP requests (every attempt, retries included) per storage operation, such as
/// <c>Table.InsertEntity</c> or <c>Queue.PutMessage</c>. Insert it through <see cref="StorageClientOptions.Handlers"/>.
/// Thread-safe.
/// </summary>
public sealed class StorageRequestCounter : DelegatingHandler
{
    /// <summary>Where the clients put the operation name of each request (<c>request.Options</c>).</summary>
    public static readonly HttpRequestOptionsKey<string> OperationKey = new("QuyCheWorkflow.Storage.Operation");

    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>All requests counted since creation or the last <see cref="Reset"/>.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>A snapshot of the counts per operation.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    /// <summary>The count of one operation (0 if never seen).</summary>
    public long Count(string operation) => _counts.TryGetValue(operation, out var count) ? count : 0;

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.Options.TryGetValue(OperationKey, out var name) ? name : request.Method.Method;
        _counts.AddOrUpdate(operation, 1, static (_, count) => count + 1);
        Interlocked.Increment(ref _total);
        return base.SendAsync(request, cancellationToken);
    }
}
