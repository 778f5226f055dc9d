using System.Net;
using System.Text.RegularExpressions;
using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Blobs;

/// <summary>
/// One blob container and the blobs in it. Immutable and thread-safe. Transient failures (408, 429, 5xx, connection
/// failures, per-try timeouts) are retried: every blob operation here is a read, a whole-blob PUT or DELETE, or a
/// conditional write, all safe to repeat. Failures surface as <see cref="StorageRequestFailedException"/>; cancelling
/// abandons the current attempt and pending retries.
/// </summary>
public sealed partial class BlobContainerClient
{
    private readonly StoragePipeline _pipeline;

    /// <summary>A client for one container, with a pipeline of its own unless <paramref name="options"/> is shared. Sends no request.</summary>
    /// <exception cref="ArgumentException">The name is not a valid container name.</exception>
    public BlobContainerClient(StorageConnection connection, string containerName, StorageClientOptions? options = null)
        : this(new StoragePipeline(connection, options, StorageService.Blob), containerName)
    {
    }

    internal BlobContainerClient(StoragePipeline pipeline, string containerName)
    {
        if (!ContainerNamePattern().IsMatch(containerName ?? string.Empty) || containerName!.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "A container name is 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.", nameof(containerName));
        }

        _pipeline = pipeline;
        Name = containerName;
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>Creates the container (private access) unless it exists. Returns true if this call created it.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _pipeline.SendAsync(
            "Blob.CreateContainer",
            RetryMode.Idempotent,
            () => new HttpRequestMessage(HttpMethod.Put, _pipeline.Resource(Name + "?restype=container")),
            cancellationToken,
            tolerated: HttpStatusCode.Conflict);
        return response.StatusCode != HttpStatusCode.Conflict;
    }

    /// <summary>Deletes the container and its blobs. Returns false if it did not exist.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _pipeline.SendAsync(
            "Blob.DeleteContainer",
            RetryMode.Idempotent,
            () => new HttpRequestMessage(HttpMethod.Delete, _pipeline.Resource(Name + "?restype=container")),
            cancellationToken,
            tolerated: HttpStatusCode.NotFound);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>Whether the container exists.</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _pipeline.SendAsync(
            "Blob.GetContainerProperties",
            RetryMode.Idempotent,
            () => new HttpRequestMessage(HttpMethod.Head, _pipeline.Resource(Name + "?restype=container")),
            cancellationToken,
            tolerated: HttpStatusCode.NotFound);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>A lease client for one blob, with <paramref name="leaseId"/> or a fresh random one.</summary>
    public BlobLeaseClient GetBlobLeaseClient(string blobName, string? leaseId = null) =>
        new(_pipeline, BlobPath(blobName), leaseId ?? Guid.NewGuid().ToString("D"));

    internal string BlobPath(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024)
        {
            throw new ArgumentException("A blob name is at most 1024 characters.", nameof(blobName));
        }

        return Name + "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerNamePattern();
}
