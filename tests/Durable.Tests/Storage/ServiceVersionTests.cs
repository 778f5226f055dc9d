using Azure;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests.Storage;

/// <summary>Azurite here checks the service version as Azure does; these pin what the clients must send.</summary>
public sealed class ServiceVersionTests(AzuriteFixture fixture)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task BlobAndQueueClients_VersionPinned_Accepted()
    {
        var container = fixture.Azurite.CreateBlobServiceClient().GetBlobContainerClient(UniqueName.Container());
        var queue = fixture.Azurite.CreateQueueServiceClient().GetQueueClient(UniqueName.Queue());

        await container.CreateIfNotExistsAsync(cancellationToken: _ct);
        await container.GetBlobClient("b").UploadAsync(BinaryData.FromString("x"), _ct);
        await queue.CreateIfNotExistsAsync(cancellationToken: _ct);
        await queue.SendMessageAsync("m", _ct);

        Assert.Equal("x", (await container.GetBlobClient("b").DownloadContentAsync(_ct)).Value.Content.ToString());
        Assert.Equal("m", (await queue.ReceiveMessageAsync(cancellationToken: _ct)).Value.Body.ToString());
    }

    [Fact]
    public async Task BlobAndQueueClients_SdkDefaultVersion_RefusedByAzurite()
    {
        var options = TestStorageOptions.Create();
        options.ServiceVersion = null;
        var container = fixture.Azurite.CreateBlobServiceClient(options).GetBlobContainerClient(UniqueName.Container());
        var queue = fixture.Azurite.CreateQueueServiceClient(options).GetQueueClient(UniqueName.Queue());

        var blobFailure = await Assert.ThrowsAsync<RequestFailedException>(() => container.CreateIfNotExistsAsync(cancellationToken: _ct));
        var queueFailure = await Assert.ThrowsAsync<RequestFailedException>(() => queue.CreateIfNotExistsAsync(cancellationToken: _ct));

        Assert.Equal(400, StorageFailure.StatusOf(blobFailure));
        Assert.Equal(400, StorageFailure.StatusOf(queueFailure));
        Assert.Equal("InvalidHeaderValue", blobFailure.ErrorCode);
    }

    [Fact]
    public void CreateQueueClientOptions_Always_EncodesMessagesAsBase64()
    {
        var options = TestStorageOptions.Create().CreateQueueClientOptions();

        Assert.Equal(Azure.Storage.Queues.QueueMessageEncoding.Base64, options.MessageEncoding);
    }

    [Fact]
    public void CreateBlobClientOptions_UnknownVersion_Throws()
    {
        var options = TestStorageOptions.Create();
        options.ServiceVersion = "1999-01-01";

        Assert.Throws<ArgumentException>(options.CreateBlobClientOptions);
    }
}
