using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>
/// Counts the HTTP requests Azure SDK storage clients send, each try of a retried request included, by operation
/// (<c>Queue.GetMessages</c>, <c>Blob.Lease</c>, <c>Table.Transaction</c>, ...). Add <see cref="PolicyFor"/> to a
/// client's options at <see cref="HttpPipelinePosition.PerRetry"/>. Thread-safe.
/// </summary>
internal sealed class StorageRequestTally
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public void Reset()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    /// <summary>Counts, as <paramref name="service"/> (Blob, Queue, Table), every request of the client it is added to.</summary>
    public HttpPipelinePolicy PolicyFor(string service) => new CountingPolicy(this, service);

    public string Describe() => string.Join(", ", Snapshot().OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value}"));

    private void Add(string operation)
    {
        _counts.AddOrUpdate(operation, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    /// <summary>
    /// Names a request from its verb and address, as far as the storage REST API tells them apart, with the names the
    /// project engine's bench uses where the operation is the same.
    /// </summary>
    private static string Operation(string service, Request request)
    {
        var uri = request.Uri.ToUri();
        var path = uri.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var method = request.Method.Method;
        return (service, method) switch
        {
            ("Queue", _) when path.EndsWith("/messages", StringComparison.Ordinal) => method switch
            {
                "GET" => query["peekonly"] == "true" ? "Queue.PeekMessages" : "Queue.GetMessages",
                "POST" => "Queue.PutMessage",
                _ => "Queue.ClearMessages",
            },
            ("Queue", "DELETE") when path.Contains("/messages/", StringComparison.Ordinal) => "Queue.DeleteMessage",
            ("Queue", "PUT") when path.Contains("/messages/", StringComparison.Ordinal) => "Queue.UpdateMessage",
            ("Queue", "PUT") when query.Count == 0 => "Queue.CreateQueue",
            ("Table", _) when path.EndsWith("$batch", StringComparison.Ordinal) => "Table.Transaction",
            ("Table", "GET") => query["$filter"] is null && path.EndsWith("')", StringComparison.Ordinal) ? "Table.GetEntity" : "Table.Query",
            ("Table", "POST") => path.EndsWith("/Tables", StringComparison.Ordinal) ? "Table.CreateTable" : "Table.InsertEntity",
            ("Table", "PATCH" or "MERGE") => "Table.UpdateMerge",
            ("Table", "PUT") => "Table.UpdateReplace",
            ("Table", "DELETE") => "Table.DeleteEntity",
            ("Blob", "PUT") when query["comp"] == "lease" => "Blob.Lease",
            ("Blob", "PUT") when query["restype"] == "container" => "Blob.CreateContainer",
            ("Blob", "PUT") => "Blob.Upload",
            ("Blob", "GET") when query["comp"] == "list" => "Blob.List",
            ("Blob", "GET") => "Blob.Download",
            ("Blob", "HEAD") => "Blob.GetProperties",
            _ => $"{service}.{method}{(query["comp"] is { } comp ? "." + comp : string.Empty)}",
        };
    }

    private sealed class CountingPolicy(StorageRequestTally tally, string service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => tally.Add(Operation(service, message.Request));
    }
}
