using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// Drafts, final documents and minutes, addressed by content: container <c>documents</c> (configurable), blob
/// name = SHA-256 of the bytes as lower-case hex. Uploads use If-None-Match: *, so the same bytes uploaded twice
/// (a retried request, the same file attached to two rounds) store one blob and the second upload changes
/// nothing. Metadata carries the content type and the original file name as base64 of UTF-8 (metadata values
/// must be ASCII; Vietnamese names are not). A read recomputes the hash and refuses bytes that do not match
/// their name. Thread-safe.
/// </summary>
public sealed class DocumentStore
{
    private const string FileNameKey = "filename_b64";
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    public DocumentStore(BlobServiceClient blobs, IOptions<StateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        _container = blobs.GetBlobContainerClient(options.Value.DocumentsContainer);
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
    }

    /// <summary>Stores <paramref name="content"/> under its hash; a no-op when those bytes are already stored.</summary>
    public async Task<ContentHash> UploadAsync(ReadOnlyMemory<byte> content, string fileName, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        await _created.Value.WaitAsync(cancellationToken);
        var hash = ContentHash.Of(content.Span);
        BlobUploadOptions upload = new()
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [FileNameKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(fileName)),
            },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await _container.GetBlobClient(hash.Value).UploadAsync(new BinaryData(content), upload, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // The same bytes are already stored under this name.
        }

        return hash;
    }

    /// <summary>The document stored under <paramref name="hash"/>, or null when there is none.</summary>
    /// <exception cref="DocumentIntegrityException">The stored bytes do not hash to their name.</exception>
    public async Task<StoredDocument?> DownloadAsync(ContentHash hash, CancellationToken cancellationToken = default)
    {
        await _created.Value.WaitAsync(cancellationToken);
        BlobDownloadResult download;
        try
        {
            download = (await _container.GetBlobClient(hash.Value).DownloadContentAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }

        byte[] bytes = download.Content.ToArray();
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != hash.Value)
        {
            throw new DocumentIntegrityException(hash.Value, actual);
        }

        var metadata = download.Details.Metadata;
        string fileName = metadata.TryGetValue(FileNameKey, out string? encoded)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded))
            : hash.Value;
        return new StoredDocument(hash, bytes, fileName, download.Details.ContentType ?? "application/octet-stream");
    }
}
