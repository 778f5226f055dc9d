using System.Collections.Concurrent;
using System.Diagnostics;

namespace QuyCheWorkflow.Durable.Bench;

/// <summary>Times storage requests by kind (point read, query, batch, queue, ...) to show which ones grow.</summary>
internal sealed class LatencyProbe : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, (long Count, double TotalMs)> _byKind = new(StringComparer.Ordinal);

    public void Reset() => _byKind.Clear();

    public string Describe() => string.Join(", ", _byKind
        .OrderByDescending(p => p.Value.TotalMs)
        .Select(p => $"{p.Key}: {p.Value.Count} × {p.Value.TotalMs / p.Value.Count:0.0} ms"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _byKind.AddOrUpdate(KindOf(request), (1, elapsed), (_, v) => (v.Count + 1, v.TotalMs + elapsed));
        return response;
    }

    private static string KindOf(HttpRequestMessage request)
    {
        var uri = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery);
        var kind = uri.Contains("/messages", StringComparison.Ordinal) ? "queue"
            : uri.Contains("$batch", StringComparison.Ordinal) ? "table batch"
            : uri.Contains("$filter", StringComparison.Ordinal) ? "table query"
            : uri.Contains("(PartitionKey=", StringComparison.Ordinal) ? "table point"
            : uri.Contains("restype=", StringComparison.Ordinal) || uri.Contains("comp=", StringComparison.Ordinal) ? "other"
            : "blob";
        return $"{request.Method} {kind}";
    }
}
