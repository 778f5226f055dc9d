using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Xml.Linq;
using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Blobs;

public sealed partial class BlobContainerClient
{
    /// <summary>The largest blob uploaded in one request; these clients do not split uploads into blocks.</summary>
    public const int MaxUploadBytes = 256 * 1024 * 1024;

    private const string MetadataPrefix = "x-ms-meta-";

    /// <summary>
    /// Uploads (creates or replaces) a block blob in one request, storing its MD5 (sent as Content-MD5, so the
    /// service also verifies the transfer). The stream is read to its end first, so a retry resends the same bytes.
    /// Retried on transient failures; with <see cref="BlobRequestConditions.IfNoneMatch"/> = <see cref="ETag.All"/> a
    /// 409 BlobAlreadyExists after a retry may mean the earlier attempt created the blob. Each attempt, body included,
    /// must finish within <see cref="StorageClientOptions.PerTryTimeout"/>.
    /// </summary>
    public async Task<BlobProperties> UploadBlobAsync(string blobName, Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return await UploadBlobAsync(blobName, new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), options, cancellationToken);
    }

    /// <inheritdoc cref="UploadBlobAsync(string, Stream, BlobUploadOptions?, CancellationToken)"/>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "Content-MD5 is the Blob protocol's integrity checksum, not a security control.")]
    public async Task<BlobProperties> UploadBlobAsync(string blobName, BinaryData content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = BlobPath(blobName);
        var bytes = content.ToMemory();
        if (bytes.Length > MaxUploadBytes)
        {
            throw new ArgumentException($"A blob uploaded in one request is at most {MaxUploadBytes} bytes.", nameof(content));
        }

        var hash = MD5.HashData(bytes.Span);
        var contentType = options?.ContentType ?? "application/octet-stream";
        var metadata = options?.Metadata ?? new Dictionary<string, string>();
        CheckMetadata(metadata);
        var conditions = options?.Conditions;
        var leaseId = options?.LeaseId ?? conditions?.LeaseId;
        using var response = await _pipeline.SendAsync(
            "Blob.PutBlob",
            RetryMode.Idempotent,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, _pipeline.Resource(path)) { Content = new ReadOnlyMemoryContent(bytes) };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                request.Content.Headers.ContentMD5 = hash;
                request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
                request.Headers.TryAddWithoutValidation("x-ms-blob-content-md5", Convert.ToBase64String(hash));
                foreach (var (name, value) in metadata)
                {
                    request.Headers.TryAddWithoutValidation(MetadataPrefix + name, value);
                }

                AddConditions(request, conditions, leaseId);
                return request;
            },
            cancellationToken);
        return new BlobProperties(
            ReadETag(response),
            response.Content.Headers.LastModified ?? default,
            bytes.Length,
            contentType,
            hash,
            new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Opens a blob for reading; fails with 404 BlobNotFound when it is missing. Retried until the response
    /// headers arrive; reading the stream is not retried.</summary>
    public async Task<BlobDownloadResult> DownloadBlobAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(blobName);
        var response = await _pipeline.SendAsync(
            "Blob.GetBlob",
            RetryMode.Idempotent,
            () => new HttpRequestMessage(HttpMethod.Get, _pipeline.Resource(path)),
            cancellationToken,
            completion: HttpCompletionOption.ResponseHeadersRead);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new BlobDownloadResult(response, stream, ReadProperties(response));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>A blob's properties and metadata; fails with 404 when it is missing. A read, so retried.</summary>
    public async Task<BlobProperties> GetBlobPropertiesAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(blobName);
        using var response = await _pipeline.SendAsync(
            "Blob.GetBlobProperties", RetryMode.Idempotent, () => new HttpRequestMessage(HttpMethod.Head, _pipeline.Resource(path)), cancellationToken);
        return ReadProperties(response);
    }

    /// <summary>Whether the blob exists. A read, so retried.</summary>
    public async Task<bool> BlobExistsAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(blobName);
        using var response = await _pipeline.SendAsync(
            "Blob.GetBlobProperties",
            RetryMode.Idempotent,
            () => new HttpRequestMessage(HttpMethod.Head, _pipeline.Resource(path)),
            cancellationToken,
            tolerated: HttpStatusCode.NotFound);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>
    /// Deletes a blob (and its snapshots) if the conditions hold. Returns false if it did not exist. Idempotent, so
    /// retried.
    /// </summary>
    public async Task<bool> DeleteBlobAsync(string blobName, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        var path = BlobPath(blobName);
        using var response = await _pipeline.SendAsync(
            "Blob.DeleteBlob",
            RetryMode.Idempotent,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Delete, _pipeline.Resource(path));
                request.Headers.TryAddWithoutValidation("x-ms-delete-snapshots", "include");
                AddConditions(request, conditions, conditions?.LeaseId);
                return request;
            },
            cancellationToken,
            tolerated: HttpStatusCode.NotFound);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>
    /// Streams the blobs whose names start with <paramref name="prefix"/>, in name order, with metadata, following
    /// the service's NextMarker. Each page (up to <paramref name="pageSize"/>, default 5000) is a retried read.
    /// </summary>
    public async IAsyncEnumerable<BlobItem> ListBlobsAsync(string? prefix = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A listing page holds 1 to 5000 blobs.");
        }

        string? marker = null;
        do
        {
            var query = Name + "?restype=container&comp=list&include=metadata";
            if (!string.IsNullOrEmpty(prefix))
            {
                query += "&prefix=" + Uri.EscapeDataString(prefix);
            }

            if (pageSize is { } size)
            {
                query += "&maxresults=" + size.ToString(CultureInfo.InvariantCulture);
            }

            if (marker is not null)
            {
                query += "&marker=" + Uri.EscapeDataString(marker);
            }

            XDocument document;
            using (var response = await _pipeline.SendAsync(
                "Blob.ListBlobs", RetryMode.Idempotent, () => new HttpRequestMessage(HttpMethod.Get, _pipeline.Resource(query)), cancellationToken))
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                document = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken);
            }

            var root = document.Root!;
            foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
            {
                yield return new BlobItem(blob.Element("Name")!.Value, ReadListedProperties(blob));
            }

            marker = root.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    private static void AddConditions(HttpRequestMessage request, BlobRequestConditions? conditions, string? leaseId)
    {
        if (conditions?.IfMatch is { IsEmpty: false } ifMatch)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch.ToString());
        }

        if (conditions?.IfNoneMatch is { IsEmpty: false } ifNoneMatch)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch.ToString());
        }

        if (leaseId is not null)
        {
            request.Headers.TryAddWithoutValidation("x-ms-lease-id", leaseId);
        }
    }

    private static void CheckMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Metadata name '{name}' must be a C# identifier.", nameof(metadata));
            }

            if (!value.All(c => c is >= ' ' and <= '~'))
            {
                throw new ArgumentException($"Metadata '{name}' must be printable ASCII; encode other text (for example as base64 or URL-escaped).", nameof(metadata));
            }
        }
    }

    private static ETag ReadETag(HttpResponseMessage response) =>
        response.Headers.ETag is { } tag ? new ETag(tag.ToString()) :
        ErrorResponse.HeaderValue(response, "ETag") is { } raw ? new ETag(raw) : default;

    private static BlobProperties ReadProperties(HttpResponseMessage response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Key[MetadataPrefix.Length..]] = string.Join(',', header.Value);
            }
        }

        var content = response.Content.Headers;
        return new BlobProperties(
            ReadETag(response),
            content.LastModified ?? default,
            content.ContentLength ?? 0,
            content.ContentType?.ToString(),
            content.ContentMD5,
            metadata,
            ErrorResponse.HeaderValue(response, "x-ms-lease-state"));
    }

    private static BlobProperties ReadListedProperties(XElement blob)
    {
        var properties = blob.Element("Properties");
        string? Value(string name) => properties?.Element(name)?.Value is { Length: > 0 } v ? v : null;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in blob.Element("Metadata")?.Elements() ?? [])
        {
            metadata[item.Name.LocalName] = item.Value;
        }

        return new BlobProperties(
            Value("Etag") is { } etag ? new ETag(etag) : default,
            Value("Last-Modified") is { } modified ? DateTimeOffset.Parse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : default,
            Value("Content-Length") is { } length ? long.Parse(length, CultureInfo.InvariantCulture) : 0,
            Value("Content-Type"),
            Value("Content-MD5") is { } md5 ? Convert.FromBase64String(md5) : null,
            metadata,
            Value("LeaseState"));
    }
}
