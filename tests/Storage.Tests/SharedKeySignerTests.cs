using QuyCheWorkflow.Storage.Blobs;
using QuyCheWorkflow.Storage.Pipeline;
using QuyCheWorkflow.Storage.Queues;
using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class SharedKeySignerTests(AzuriteFixture fixture)
{
    private const string WrongKey = "AAAAvdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Azurite answers a bad signature with either code, depending on the service and request.
    private static readonly string[] s_authenticationCodes = ["AuthenticationFailed", "AuthorizationFailure"];

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Table_WrongAccountKey_Throws403WithErrorCode()
    {
        var table = new TableServiceClient(WrongKeyConnection()).GetTableClient(UniqueName.Table());

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => table.CreateIfNotExistsAsync(_ct));

        Assert.Equal(403, failure.Status);
        Assert.Contains(failure.ErrorCode, s_authenticationCodes);
        Assert.Contains("account key", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
        Assert.DoesNotContain(WrongKey, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlobAndQueue_WrongAccountKey_Throw403WithErrorCode()
    {
        var container = new BlobServiceClient(WrongKeyConnection()).GetBlobContainerClient(UniqueName.Container());
        var queue = new QueueServiceClient(WrongKeyConnection()).GetQueueClient(UniqueName.Queue());

        var blobFailure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => container.CreateIfNotExistsAsync(_ct));
        var queueFailure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => queue.CreateIfNotExistsAsync(_ct));

        Assert.Equal(403, blobFailure.Status);
        Assert.Contains(blobFailure.ErrorCode, s_authenticationCodes);
        Assert.Equal(403, queueFailure.Status);
        Assert.Contains(queueFailure.ErrorCode, s_authenticationCodes);
    }

    [Fact]
    public void BlobQueueStringToSign_HostStyleUrl_NamesAccountOnce()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://quyche.blob.core.windows.net/docs/a%20b.txt?comp=metadata&Timeout=30");
        request.Headers.TryAddWithoutValidation("x-ms-version", "2021-12-02");
        request.Headers.TryAddWithoutValidation("x-ms-date", "Sun, 22 Nov 2026 08:00:00 GMT");

        var stringToSign = SharedKeySigner.BlobQueueStringToSign(request, "quyche");

        Assert.EndsWith(
            "x-ms-date:Sun, 22 Nov 2026 08:00:00 GMT\nx-ms-version:2021-12-02\n/quyche/docs/a%20b.txt\ncomp:metadata\ntimeout:30",
            stringToSign,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TableStringToSign_PathStyleEmulatorUrl_NamesAccountTwiceAndKeepsOnlyComp()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:10002/devstoreaccount1/Tables?$filter=x&comp=acl");
        request.Headers.TryAddWithoutValidation("x-ms-date", "Sun, 22 Nov 2026 08:00:00 GMT");

        var stringToSign = SharedKeySigner.TableStringToSign(request, "devstoreaccount1");

        Assert.Equal("GET\n\n\nSun, 22 Nov 2026 08:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables?comp=acl", stringToSign);
    }

    private StorageConnection WrongKeyConnection()
    {
        var azurite = fixture.Azurite;
        return StorageConnection.FromSharedKey(AzuriteInstance.AccountName, WrongKey, azurite.BlobEndpoint, azurite.QueueEndpoint, azurite.TableEndpoint);
    }
}
