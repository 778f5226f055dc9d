using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Storage;
using QuyCheWorkflow.Storage;
using QuyCheWorkflow.Storage.Blobs;
using QuyCheWorkflow.Storage.Queues;
using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Storage;

/// <summary>
/// Managed-identity access as configured in Azure (service URIs, no key), against an Azurite that serves HTTPS
/// and accepts only bearer tokens it can check (<c>--oauth basic</c>).
/// </summary>
public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public async Task CreateConnection_ServiceUrisWithTokenCredential_RoundTripsTableBlobAndQueueWithBearerTokens()
    {
        await using var azurite = await OAuthAzurite.StartAsync();
        var credential = new UnsignedTestTokenCredential(TimeProvider.System);
        var connection = StorageServiceCollectionExtensions.CreateConnection(ServiceUris(azurite.Instance), credential);
        using var handler = new PinnedCertificateHandler(azurite.Certificate);
        var options = new StorageClientOptions { Retry = false };
        options.Handlers.Add(handler);
        var ct = TestContext.Current.CancellationToken;

        var table = new TableServiceClient(connection, options).GetTableClient("OAuthRoundTrip");
        await table.CreateIfNotExistsAsync(ct);
        var entity = new TableEntity("p", "r");
        entity["Title"] = "Quy chế làm việc";
        await table.AddEntityAsync(entity, ct);
        var readEntity = await table.GetEntityAsync("p", "r", cancellationToken: ct);

        var container = new BlobServiceClient(connection, options).GetBlobContainerClient("oauth-round-trip");
        await container.CreateIfNotExistsAsync(ct);
        await container.UploadBlobAsync("draft.txt", BinaryData.FromString("dự thảo"), cancellationToken: ct);
        var download = await container.DownloadBlobAsync("draft.txt", ct);
        using var reader = new StreamReader(download.Content);
        var blobText = await reader.ReadToEndAsync(ct);

        var queue = new QueueServiceClient(connection, options).GetQueueClient("oauth-round-trip");
        await queue.CreateIfNotExistsAsync(ct);
        await queue.SendMessageAsync("biểu quyết", cancellationToken: ct);
        var received = Assert.Single(await queue.ReceiveMessagesAsync(1, cancellationToken: ct));
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, ct);

        Assert.Equal("Quy chế làm việc", readEntity.GetString("Title"));
        Assert.Equal("dự thảo", blobText);
        Assert.Equal("biểu quyết", received.MessageText);
        Assert.True(credential.Requests > 0);
        Assert.Contains("https://storage.azure.com/.default", credential.RequestedScopes);
        Assert.All(handler.Seen, seen =>
        {
            Assert.Equal("Bearer", seen.Scheme);
            Assert.False(string.IsNullOrEmpty(seen.Version));
        });
    }

    [Fact]
    public async Task CreateConnection_TokenFromForeignIssuer_IsRejectedByTheService()
    {
        await using var azurite = await OAuthAzurite.StartAsync();
        var credential = new UnsignedTestTokenCredential(TimeProvider.System, issuer: "https://issuer.example.org/");
        var connection = StorageServiceCollectionExtensions.CreateConnection(ServiceUris(azurite.Instance), credential);
        using var handler = new PinnedCertificateHandler(azurite.Certificate);
        var options = new StorageClientOptions { Retry = false };
        options.Handlers.Add(handler);

        var exception = await Assert.ThrowsAsync<StorageRequestFailedException>(() =>
            new TableServiceClient(connection, options).GetTableClient("Rejected").CreateIfNotExistsAsync(TestContext.Current.CancellationToken));

        Assert.True(exception.Status is 401 or 403, $"Expected 401 or 403, got {exception.Status} {exception.ErrorCode}.");
    }

    [Fact]
    public void CreateConnection_ConnectionStringSet_WinsOverServiceUris()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = "UseDevelopmentStorage=true",
            [AppSettings.StorageBlobServiceUri] = "https://account.blob.core.windows.net/",
            [AppSettings.StorageQueueServiceUri] = "https://account.queue.core.windows.net/",
            [AppSettings.StorageTableServiceUri] = "https://account.table.core.windows.net/",
        }).Build();

        var connection = StorageServiceCollectionExtensions.CreateConnection(configuration, credential: null);

        Assert.Equal(StorageConnection.DevelopmentAccountName, connection.AccountName);
    }

    [Fact]
    public void CreateConnection_NothingConfigured_ThrowsNamingTheSettings()
    {
        var configuration = new ConfigurationBuilder().Build();

        var exception = Assert.Throws<InvalidOperationException>(() => StorageServiceCollectionExtensions.CreateConnection(configuration, credential: null));

        Assert.Contains(AppSettings.StorageConnectionString, exception.Message, StringComparison.Ordinal);
    }

    private static IConfiguration ServiceUris(AzuriteInstance azurite) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppSettings.StorageBlobServiceUri] = azurite.BlobEndpoint.ToString(),
            [AppSettings.StorageQueueServiceUri] = azurite.QueueEndpoint.ToString(),
            [AppSettings.StorageTableServiceUri] = azurite.TableEndpoint.ToString(),
        }).Build();

    /// <summary>An Azurite on HTTPS with a fresh self-signed certificate for 127.0.0.1, accepting bearer tokens.</summary>
    private sealed class OAuthAzurite : IAsyncDisposable
    {
        private readonly string _directory;

        private OAuthAzurite(string directory, AzuriteInstance instance, X509Certificate2 certificate)
        {
            _directory = directory;
            Instance = instance;
            Certificate = certificate;
        }

        public AzuriteInstance Instance { get; }

        public X509Certificate2 Certificate { get; }

        public static async Task<OAuthAzurite> StartAsync()
        {
            var directory = Directory.CreateTempSubdirectory("qcw-oauth-").FullName;
            var certificatePath = Path.Combine(directory, "cert.pem");
            var keyPath = Path.Combine(directory, "key.pem");
            await RunOpenSslAsync(
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyPath, "-out", certificatePath);
            var instance = await AzuriteInstance.StartAsync(new AzuriteOptions(certificatePath, keyPath, OAuthBasic: true));
            return new OAuthAzurite(directory, instance, X509CertificateLoader.LoadCertificateFromFile(certificatePath));
        }

        public async ValueTask DisposeAsync()
        {
            await Instance.DisposeAsync();
            Certificate.Dispose();
            Directory.Delete(_directory, recursive: true);
        }

        private static async Task RunOpenSslAsync(params string[] arguments)
        {
            var startInfo = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = Process.Start(startInfo)!;
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, "openssl failed: " + await errors);
        }
    }
}
