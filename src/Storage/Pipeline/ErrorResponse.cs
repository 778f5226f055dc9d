using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Storage.Pipeline;

/// <summary>Reads a failed response: x-ms-error-code, then the XML (blob, queue) or OData JSON (table) error body.</summary>
internal static class ErrorResponse
{
    public static async Task<StorageRequestFailedException> CreateExceptionAsync(
        string operation, HttpResponseMessage response, ILogger logger, CancellationToken cancellationToken)
    {
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken);
        var (code, message) = Parse(body);
        code ??= HeaderValue(response, "x-ms-error-code");
        var requestId = HeaderValue(response, "x-ms-request-id");
        var status = (int)response.StatusCode;
        Log.RequestFailed(logger, operation, status, code, requestId);
        var text = $"{operation} failed with status {status} ({response.StatusCode})" +
            (code is null ? string.Empty : $", error code {code}") +
            (message is null ? "." : $": {FirstLine(message)}") +
            (requestId is null ? string.Empty : $" Request id {requestId}.") +
            (status == 403 && code is "AuthenticationFailed" or "AuthorizationFailure"
                ? " Check the account key (a wrong key fails every request) or the identity's role assignment."
                : string.Empty);
        return new StorageRequestFailedException(status, code, requestId, text);
    }

    public static (string? Code, string? Message) Parse(string body)
    {
        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(trimmed);
                if (json.RootElement.TryGetProperty("odata.error", out var error) || json.RootElement.TryGetProperty("error", out error))
                {
                    var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (error.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                    }

                    return (code, message);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the status and header still describe the failure.
            }
        }
        else if (trimmed.StartsWith('<'))
        {
            try
            {
                var root = XDocument.Parse(trimmed).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }
            catch (XmlException)
            {
                // As above.
            }
        }

        return (null, null);
    }

    public static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
