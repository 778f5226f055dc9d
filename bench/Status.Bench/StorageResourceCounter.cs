using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// Counts storage requests by service and resource ("table campaignnotices", "queue wavebench-workitems"), next to the
/// app's <see cref="Durable.Storage.StorageRequestCounter"/>, which counts them by operation. The service is told by the
/// emulator's port.
/// </summary>
internal sealed class StorageResourceCounter(int tablePort, int queuePort) : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri;
        string service = uri.Port == tablePort ? "table" : uri.Port == queuePort ? "queue" : "blob";
        // /devstoreaccount1/{resource}[/...] ; a table's resource may carry "(keys)" or "()".
        string[] segments = uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string resource = segments.Length > 1 ? segments[1] : "(account)";
        int parenthesis = resource.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0)
        {
            resource = resource[..parenthesis];
        }

        string operation = message.Request.Method.ToString();
        _counts.AddOrUpdate($"{service} {resource} {operation}", 1, static (_, count) => count + 1);
    }

    /// <summary>Answers of 400 and above are counted as well, under "{service} {resource} {method} → {status}".</summary>
    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.HasResponse && message.Response.Status >= 400)
        {
            var uri = message.Request.Uri;
            string service = uri.Port == tablePort ? "table" : uri.Port == queuePort ? "queue" : "blob";
            string[] segments = uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            string resource = segments.Length > 1 ? segments[1].Split('(')[0] : "(account)";
            _counts.AddOrUpdate($"{service} {resource} {message.Request.Method} → {message.Response.Status}", 1, static (_, count) => count + 1);
        }
    }
}
