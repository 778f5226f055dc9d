using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Queues;

/// <summary>
/// The Queue service of one account. Immutable and thread-safe; create one per account and share it, as the
/// <see cref="QueueClient"/>s it hands out share its HTTP pipeline.
/// </summary>
public sealed class QueueServiceClient
{
    private readonly StoragePipeline _pipeline;

    /// <summary>
    /// A client for the Queue service of <paramref name="connection"/>. Sends no request. Clients built from the same
    /// <paramref name="options"/> instance (or all built without options) share one HTTP pipeline.
    /// </summary>
    public QueueServiceClient(StorageConnection connection, StorageClientOptions? options = null)
    {
        _pipeline = new StoragePipeline(connection, options, StorageService.Queue);
    }

    /// <summary>The service endpoint requests go to.</summary>
    public Uri Endpoint => _pipeline.Endpoint;

    /// <summary>A client for one queue (which need not exist yet). Cheap; no request is sent.</summary>
    public QueueClient GetQueueClient(string queueName) => new(_pipeline, queueName);
}
