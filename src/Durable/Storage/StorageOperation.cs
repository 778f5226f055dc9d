using Azure.Core;

namespace QuyCheWorkflow.Durable.Storage;

/// <summary>Names the storage operation of a request for <see cref="StorageRequestCounter"/>.</summary>
internal static class StorageOperation
{
    private enum Service
    {
        Table,
        Queue,
        Blob,
    }

    public static string Of(Request request)
    {
        var uri = request.Uri.ToUri();
        var segments = PathSegments(uri);
        var query = uri.Query;
        var method = request.Method.Method;
        return ServiceOf(request, segments) switch
        {
            Service.Table => Table(method, segments),
            Service.Queue => Queue(method, segments, query),
            _ => Blob(method, segments, query),
        };
    }

    private static Service ServiceOf(Request request, string[] segments)
    {
        // The SDK's telemetry header names the client library; it is set per call, before any per-attempt policy.
        if (request.Headers.TryGetValue("User-Agent", out var agent))
        {
            if (agent.Contains("Data.Tables", StringComparison.Ordinal))
            {
                return Service.Table;
            }

            if (agent.Contains("Storage.Queues", StringComparison.Ordinal))
            {
                return Service.Queue;
            }

            if (agent.Contains("Storage.Blobs", StringComparison.Ordinal))
            {
                return Service.Blob;
            }
        }

        var host = request.Uri.Host ?? string.Empty;
        if (host.Contains(".table.", StringComparison.OrdinalIgnoreCase) || request.Headers.TryGetValue("DataServiceVersion", out _))
        {
            return Service.Table;
        }

        return host.Contains(".queue.", StringComparison.OrdinalIgnoreCase) || (segments.Length > 0 && segments[^1] == "messages")
            ? Service.Queue
            : Service.Blob;
    }

    private static string Table(string method, string[] segments)
    {
        var last = segments.Length == 0 ? string.Empty : segments[^1];
        if (last == "$batch")
        {
            return "table.batch";
        }

        if (last.StartsWith("Tables", StringComparison.Ordinal))
        {
            return method switch
            {
                "POST" => "create",
                "DELETE" => "drop",
                _ => "table.other",
            };
        }

        var isEntity = last.Contains("PartitionKey=", StringComparison.Ordinal);
        return method switch
        {
            "POST" => "table.insert",
            "GET" when isEntity => "table.get",
            "GET" => "table.query",
            "PUT" => "table.update",
            "MERGE" or "PATCH" => "table.merge",
            "DELETE" => "table.delete",
            _ => "table.other",
        };
    }

    private static string Queue(string method, string[] segments, string query)
    {
        var isMessages = segments.Length >= 2 && segments[^1] == "messages";
        var isMessage = segments.Length >= 3 && segments[^2] == "messages";
        if (isMessages)
        {
            return method switch
            {
                "POST" => "queue.put",
                "GET" when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "queue.peek",
                "GET" => "queue.get",
                "DELETE" => "queue.clear",
                _ => "queue.other",
            };
        }

        if (isMessage)
        {
            return method switch
            {
                "DELETE" => "queue.delete",
                "PUT" => "queue.update",
                _ => "queue.other",
            };
        }

        if (query.Contains("comp=", StringComparison.Ordinal))
        {
            return "queue.other";
        }

        return method switch
        {
            "PUT" => "create",
            "DELETE" => "drop",
            _ => "queue.other",
        };
    }

    private static string Blob(string method, string[] segments, string query)
    {
        if (query.Contains("comp=lease", StringComparison.Ordinal))
        {
            return "blob.lease";
        }

        if (query.Contains("restype=container", StringComparison.Ordinal))
        {
            if (query.Contains("comp=list", StringComparison.Ordinal))
            {
                return "blob.list";
            }

            if (query.Contains("comp=", StringComparison.Ordinal))
            {
                return "blob.other";
            }

            return method switch
            {
                "PUT" => "create",
                "DELETE" => "drop",
                _ => "blob.other",
            };
        }

        if (query.Contains("comp=metadata", StringComparison.Ordinal))
        {
            return "blob.metadata";
        }

        if (segments.Length < 2)
        {
            return "blob.other";
        }

        return method switch
        {
            "PUT" => "blob.put",
            "GET" => "blob.get",
            "HEAD" => "blob.properties",
            "DELETE" => "blob.delete",
            _ => "blob.other",
        };
    }

    // Path-style URLs (emulator) carry the account as the first segment; drop it so both styles look alike.
    private static string[] PathSegments(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathStyle = uri.IsLoopback || uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
        return pathStyle && segments.Length > 0 ? segments[1..] : segments;
    }
}
