namespace QuyCheWorkflow.Storage.Blobs;

/// <summary>
/// A blob's content, streamed from the open response, and its properties. Dispose it to release the connection.
/// The stream reads the network directly: it is not seekable and is read once.
/// </summary>
public sealed class BlobDownloadResult : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal BlobDownloadResult(HttpResponseMessage response, Stream content, BlobProperties properties)
    {
        _response = response;
        Content = content;
        Properties = properties;
    }

    public Stream Content { get; }

    public BlobProperties Properties { get; }

    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        _response.Dispose();
    }
}
