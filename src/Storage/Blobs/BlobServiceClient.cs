using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Blobs;

/// <summary>
/// The Blob service of one account. Immutable and thread-safe; create one per account and share it, as the
/// <see cref="BlobContainerClient"/>s it hands out share its HTTP pipeline.
/// </summary>
public sealed class BlobServiceClient
{
    private readonly StoragePipeline _pipeline;

    /// <summary>
    /// A client for the Blob service of <paramref name="connection"/>. Sends no request. Clients built from the same
    /// <paramref name="options"/> instance (or all built without options) share one HTTP pipeline.
    /// </summary>
    public BlobServiceClient(StorageConnection connection, StorageClientOptions? options = null)
    {
        _pipeline = new StoragePipeline(connection, options, StorageService.Blob);
    }

    /// <summary>The service endpoint requests go to.</summary>
    public Uri Endpoint => _pipeline.Endpoint;

    /// <summary>A client for one container (which need not exist yet). Cheap; no request is sent.</summary>
    public BlobContainerClient GetBlobContainerClient(string containerName) => new(_pipeline, containerName);
}
