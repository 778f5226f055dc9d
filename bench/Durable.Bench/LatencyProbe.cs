using System.Collections.Concurrent;
using System.Diagnostics;
using QuyCheWorkflow.Storage;

namespace QuyCheWorkflow.Durable.Bench;

/// <summary>
/// Times storage requests per operation (<c>Queue.PutMessage</c>, <c>Table.Transaction</c>, ...) and sums their
/// request body sizes, to show which ones grow and how large they are.
/// </summary>
internal sealed class LatencyProbe : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, Totals> _byOperation = new(StringComparer.Ordinal);

    public void Reset() => _byOperation.Clear();

    public string Describe() => string.Join(", ", _byOperation
        .OrderByDescending(p => p.Value.TotalMs)
        .Select(p => $"{p.Key}: {p.Value.Count} × {p.Value.TotalMs / p.Value.Count:0.0} ms"));

    /// <summary>The mean request body size of an operation; 0 when it was not seen.</summary>
    public double AverageBytes(string operation) =>
        _byOperation.TryGetValue(operation, out var totals) && totals.Count > 0 ? totals.Bytes / (double)totals.Count : 0;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Options.TryGetValue(StorageRequestCounter.OperationKey, out var name) ? name : request.Method.Method;
        var bytes = request.Content?.Headers.ContentLength ?? 0;
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _byOperation.AddOrUpdate(operation, new Totals(1, elapsed, bytes), (_, t) => new Totals(t.Count + 1, t.TotalMs + elapsed, t.Bytes + bytes));
        return response;
    }

    private sealed record Totals(long Count, double TotalMs, long Bytes);
}
