using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace QuyCheWorkflow.Storage.Tables;

/// <summary>One operation inside a $batch change set.</summary>
internal sealed record TableBatchOperation(string Method, Uri Uri, byte[]? Body, string? IfMatch);

/// <summary>One sub-response of a $batch answer.</summary>
internal sealed record TableBatchResult(int Status, string? ETag, string Body);

/// <summary>The multipart/mixed body of an entity group transaction, and the parser of its answer.</summary>
internal static class TableBatchContent
{
    private const string CrLf = "\r\n";

    public static HttpContent Create(IReadOnlyList<TableBatchOperation> operations)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder()
            .Append("--").Append(batch).Append(CrLf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(CrLf)
            .Append(CrLf);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            text.Append("--").Append(changeset).Append(CrLf)
                .Append("Content-Type: application/http").Append(CrLf)
                .Append("Content-Transfer-Encoding: binary").Append(CrLf)
                .Append(CrLf)
                .Append(operation.Method).Append(' ').Append(operation.Uri.AbsoluteUri).Append(" HTTP/1.1").Append(CrLf)
                .Append("Content-ID: ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(CrLf)
                .Append("Accept: application/json;odata=minimalmetadata").Append(CrLf)
                .Append("DataServiceVersion: 3.0;").Append(CrLf);
            if (operation.Method == "POST")
            {
                text.Append("Prefer: return-no-content").Append(CrLf);
            }

            if (operation.IfMatch is not null)
            {
                text.Append("If-Match: ").Append(operation.IfMatch).Append(CrLf);
            }

            if (operation.Body is not null)
            {
                text.Append("Content-Type: application/json").Append(CrLf)
                    .Append(CrLf)
                    .Append(Encoding.UTF8.GetString(operation.Body)).Append(CrLf);
            }
            else
            {
                text.Append(CrLf);
            }
        }

        text.Append("--").Append(changeset).Append("--").Append(CrLf)
            .Append("--").Append(batch).Append("--").Append(CrLf);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/mixed")
        {
            Parameters = { new NameValueHeaderValue("boundary", batch) },
        };
        return content;
    }

    public static List<TableBatchResult> ParseResponses(string body, MediaTypeHeaderValue? contentType)
    {
        var results = new List<TableBatchResult>();
        var boundary = Boundary(contentType?.ToString()) ?? FirstBoundary(body);
        if (boundary is null)
        {
            return results;
        }

        Collect(body, boundary, results);
        return results;
    }

    private static void Collect(string body, string boundary, List<TableBatchResult> results)
    {
        foreach (var part in Parts(body, boundary))
        {
            var (headers, content) = SplitHeaders(part);
            var nested = Boundary(HeaderLine(headers, "Content-Type"));
            if (nested is not null)
            {
                Collect(content, nested, results);
            }
            else if (content.StartsWith("HTTP/", StringComparison.Ordinal))
            {
                results.Add(ParseHttpResponse(content));
            }
        }
    }

    private static TableBatchResult ParseHttpResponse(string text)
    {
        var (head, body) = SplitHeaders(text);
        var lines = head.Split(CrLf);
        var statusParts = lines[0].Split(' ', 3);
        var status = int.Parse(statusParts[1], CultureInfo.InvariantCulture);
        return new TableBatchResult(status, HeaderLine(head, "ETag"), body.Trim());
    }

    private static IEnumerable<string> Parts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var segments = body.Split(delimiter);
        // segments[0] is the preamble; a segment starting with "--" is the closing delimiter's epilogue.
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith("--", StringComparison.Ordinal))
            {
                yield break;
            }

            yield return segments[i].TrimStart('\r', '\n');
        }
    }

    private static (string Headers, string Body) SplitHeaders(string part)
    {
        var normalized = part.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", CrLf, StringComparison.Ordinal);
        var end = normalized.IndexOf(CrLf + CrLf, StringComparison.Ordinal);
        return end < 0 ? (normalized, string.Empty) : (normalized[..end], normalized[(end + 4)..]);
    }

    private static string? HeaderLine(string headers, string name)
    {
        foreach (var line in headers.Split(CrLf))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private static string? Boundary(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var parameter in contentType.Split(';'))
        {
            var trimmed = parameter.Trim();
            if (trimmed.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed["boundary=".Length..].Trim('"');
            }
        }

        return null;
    }

    private static string? FirstBoundary(string body)
    {
        var start = body.IndexOf("--", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = body.IndexOfAny(['\r', '\n'], start);
        return end < 0 ? null : body[(start + 2)..end];
    }
}
