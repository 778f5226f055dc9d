using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Tables;

/// <summary>
/// The Table service of one account. Immutable and thread-safe; create one per account and share it, as the
/// <see cref="TableClient"/>s it hands out share its HTTP pipeline.
/// </summary>
public sealed class TableServiceClient
{
    private readonly StoragePipeline _pipeline;

    /// <summary>
    /// A client for the Table service of <paramref name="connection"/>. Sends no request. Clients built from the same
    /// <paramref name="options"/> instance (or all built without options) share one HTTP pipeline.
    /// </summary>
    public TableServiceClient(StorageConnection connection, StorageClientOptions? options = null)
    {
        _pipeline = new StoragePipeline(connection, options, StorageService.Table);
    }

    /// <summary>The service endpoint requests go to.</summary>
    public Uri Endpoint => _pipeline.Endpoint;

    /// <summary>A client for one table (which need not exist yet). Cheap; no request is sent.</summary>
    public TableClient GetTableClient(string tableName) => new(_pipeline, tableName);
}
