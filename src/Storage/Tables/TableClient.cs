using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Tables;

/// <summary>
/// One table. Immutable and thread-safe. Every method sends a request per attempt and retries transient failures
/// (408, 429, 5xx, connection failures, per-try timeouts) when the operation is safe to repeat; each method says
/// whether it is. Failures surface as <see cref="StorageRequestFailedException"/>. Cancelling the token abandons the
/// current attempt and any pending retry, and throws <see cref="OperationCanceledException"/>; a write may or may not
/// have been applied by then.
/// </summary>
public sealed partial class TableClient
{
    private const string JsonMediaType = "application/json";

    private readonly StoragePipeline _pipeline;

    /// <summary>A client for one table, with a pipeline of its own unless <paramref name="options"/> is shared. Sends no request.</summary>
    /// <exception cref="ArgumentException">The name is not a valid table name.</exception>
    public TableClient(StorageConnection connection, string tableName, StorageClientOptions? options = null)
        : this(new StoragePipeline(connection, options, StorageService.Table), tableName)
    {
    }

    internal TableClient(StoragePipeline pipeline, string tableName)
    {
        if (!TableNamePattern().IsMatch(tableName ?? string.Empty))
        {
            throw new ArgumentException("A table name is 3 to 63 letters and digits, starting with a letter.", nameof(tableName));
        }

        _pipeline = pipeline;
        Name = tableName!;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>Creates the table unless it exists. Idempotent, so retried. Returns true if this call created it.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        using var response = await _pipeline.SendAsync(
            "Table.CreateTable",
            RetryMode.Idempotent,
            () => NewRequest(HttpMethod.Post, "Tables", body, returnNoContent: true),
            cancellationToken,
            tolerated: HttpStatusCode.Conflict);
        return response.StatusCode != HttpStatusCode.Conflict;
    }

    /// <summary>Deletes the table and everything in it. Idempotent, so retried. Returns false if it did not exist.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _pipeline.SendAsync(
            "Table.DeleteTable",
            RetryMode.Idempotent,
            () => NewRequest(HttpMethod.Delete, $"Tables('{Name}')"),
            cancellationToken,
            tolerated: HttpStatusCode.NotFound);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    private static string Key(string value) => Uri.EscapeDataString(value.Replace("'", "''", StringComparison.Ordinal));

    private static void CheckKeys(string partitionKey, string rowKey)
    {
        CheckKey(partitionKey, nameof(partitionKey));
        CheckKey(rowKey, nameof(rowKey));
    }

    private static void CheckKey(string key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException("Table keys cannot contain '/', '\\', '#', '?' or control characters.", parameterName);
            }
        }
    }

    private static ETag ReadETag(HttpResponseMessage response) =>
        response.Headers.ETag is { } tag ? new ETag(tag.ToString()) :
        ErrorResponse.HeaderValue(response, "ETag") is { } raw ? new ETag(raw) : default;

    private string EntityPath(string partitionKey, string rowKey) =>
        $"{Name}(PartitionKey='{Key(partitionKey)}',RowKey='{Key(rowKey)}')";

    private HttpRequestMessage NewRequest(HttpMethod method, string relative, byte[]? json = null, bool returnNoContent = false, ETag ifMatch = default)
    {
        var request = new HttpRequestMessage(method, _pipeline.Resource(relative));
        request.Headers.TryAddWithoutValidation("Accept", "application/json;odata=minimalmetadata");
        request.Headers.TryAddWithoutValidation("DataServiceVersion", "3.0;NetFx");
        request.Headers.TryAddWithoutValidation("MaxDataServiceVersion", "3.0;NetFx");
        if (returnNoContent)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "return-no-content");
        }

        if (!ifMatch.IsEmpty)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch.ToString());
        }

        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        }

        return request;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
