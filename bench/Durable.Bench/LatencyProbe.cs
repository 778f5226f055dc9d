using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Durable.Bench;

/// <summary>
/// Times storage requests per operation (<c>queue.put</c>, <c>table.batch</c>, ...; see
/// <see cref="StorageRequestCounter.Classify"/>) and sums their request body sizes, to show which ones grow and how
/// large they are. A per-attempt pipeline policy.
/// </summary>
internal sealed class LatencyProbe : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, Totals> _byOperation = new(StringComparer.Ordinal);

    public void Reset() => _byOperation.Clear();

    public string Describe() => string.Join(", ", _byOperation
        .OrderByDescending(p => p.Value.TotalMs)
        .Select(p => $"{p.Key}: {p.Value.Count} × {p.Value.TotalMs / p.Value.Count:0.0} ms"));

    /// <summary>The mean request body size of an operation; 0 when it was not seen.</summary>
    public double AverageBytes(string operation) =>
        _byOperation.TryGetValue(operation, out var totals) && totals.Count > 0 ? totals.Bytes / (double)totals.Count : 0;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (operation, bytes, started) = Begin(message);
        ProcessNext(message, pipeline);
        End(operation, bytes, started);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (operation, bytes, started) = Begin(message);
        await ProcessNextAsync(message, pipeline);
        End(operation, bytes, started);
    }

    private static (string Operation, long Bytes, long Started) Begin(HttpMessage message)
    {
        var bytes = message.Request.Content is { } content && content.TryComputeLength(out var length) ? length : 0;
        return (StorageRequestCounter.Classify(message.Request), bytes, Stopwatch.GetTimestamp());
    }

    private void End(string operation, long bytes, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _byOperation.AddOrUpdate(operation, new Totals(1, elapsed, bytes), (_, t) => new Totals(t.Count + 1, t.TotalMs + elapsed, t.Bytes + bytes));
    }

    private sealed record Totals(long Count, double TotalMs, long Bytes);
}
