using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Storage;

/// <summary>
/// Managed-identity access as configured in Azure (service URIs, no key), against an Azurite that serves HTTPS
/// and accepts only bearer tokens it can check (<c>--oauth basic</c>).
/// </summary>
public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddQuyCheWorkflowStorage_ServiceUrisWithRegisteredCredential_RoundTripsTableBlobAndQueueWithBearerTokens()
    {
        await using var azurite = await OAuthAzurite.StartAsync();
        var credential = new UnsignedTestTokenCredential(TimeProvider.System);
        using var handler = new PinnedCertificateHandler(azurite.Certificate);
        using var services = new ServiceCollection()
            .AddSingleton(ServiceUris(azurite.Instance))
            .AddSingleton<TokenCredential>(credential)
            .AddQuyCheWorkflowStorage()
            .AddSingleton(PinnedOptions(handler, TestStorageOptions.AzuriteServiceVersion))
            .BuildServiceProvider();
        var ct = TestContext.Current.CancellationToken;

        var table = services.GetRequiredService<TableServiceClient>().GetTableClient("OAuthRoundTrip");
        await table.CreateIfNotExistsAsync(ct);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Title"] = "Quy chế làm việc" }, ct);
        TableEntity readEntity = await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: ct);

        var container = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("oauth-round-trip");
        await container.CreateIfNotExistsAsync(cancellationToken: ct);
        await container.GetBlobClient("draft.txt").UploadAsync(BinaryData.FromString("dự thảo"), ct);
        var blobText = (await container.GetBlobClient("draft.txt").DownloadContentAsync(ct)).Value.Content.ToString();

        var queue = services.GetRequiredService<QueueServiceClient>().GetQueueClient("oauth-round-trip");
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        await queue.SendMessageAsync("biểu quyết", ct);
        var received = Assert.Single((await queue.ReceiveMessagesAsync(1, cancellationToken: ct)).Value);
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, ct);

        Assert.Equal("Quy chế làm việc", readEntity.GetString("Title"));
        Assert.Equal("dự thảo", blobText);
        Assert.Equal("biểu quyết", received.MessageText);
        Assert.Same(services.GetRequiredService<TableServiceClient>(), services.GetRequiredService<TableServiceClient>());
        Assert.True(credential.Requests > 0);
        Assert.Contains("https://storage.azure.com/.default", credential.RequestedScopes);
        Assert.NotEmpty(handler.Seen);
        Assert.All(handler.Seen, seen =>
        {
            Assert.Equal("Bearer", seen.Scheme);
            Assert.False(string.IsNullOrEmpty(seen.Version));
        });
    }

    [Fact]
    public async Task FromConfiguration_TokenFromForeignIssuer_IsRejectedByTheService()
    {
        await using var azurite = await OAuthAzurite.StartAsync();
        var credential = new UnsignedTestTokenCredential(TimeProvider.System, issuer: "https://issuer.example.org/");
        var account = StorageAccount.FromConfiguration(ServiceUris(azurite.Instance), credential);
        using var handler = new PinnedCertificateHandler(azurite.Certificate);
        var options = PinnedOptions(handler, serviceVersion: null);

        var exception = await Assert.ThrowsAsync<RequestFailedException>(() =>
            account.CreateTableServiceClient(options.CreateTableClientOptions()).GetTableClient("Rejected").CreateIfNotExistsAsync(TestContext.Current.CancellationToken));

        Assert.True(exception.Status is 401 or 403, $"Expected 401 or 403, got {exception.Status} {exception.ErrorCode}.");
    }

    [Fact]
    public void FromConfiguration_ConnectionStringSet_WinsOverServiceUris()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = "UseDevelopmentStorage=true",
            [AppSettings.StorageBlobServiceUri] = "https://account.blob.core.windows.net/",
            [AppSettings.StorageQueueServiceUri] = "https://account.queue.core.windows.net/",
            [AppSettings.StorageTableServiceUri] = "https://account.table.core.windows.net/",
        }).Build();

        var account = StorageAccount.FromConfiguration(configuration, credential: null);

        Assert.Equal("UseDevelopmentStorage=true", account.ConnectionString);
        Assert.Null(account.Credential);
        Assert.Equal("devstoreaccount1", account.CreateBlobServiceClient(new BlobClientOptions()).AccountName);
    }

    [Fact]
    public void FromConfiguration_NothingConfigured_ThrowsNamingTheSettings()
    {
        var configuration = new ConfigurationBuilder().Build();

        var exception = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(configuration, credential: null));

        Assert.Contains(AppSettings.StorageConnectionString, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateOptions_ServiceVersionSet_PinsBlobAndQueueClientsAndUnsetLeavesTheSdkDefault()
    {
        var pinned = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppSettings.StorageServiceVersion] = "2026-06-06",
        }).Build();

        var options = StorageServiceCollectionExtensions.CreateOptions(pinned);

        Assert.Equal("2026-06-06", options.ServiceVersion);
        Assert.Null(StorageServiceCollectionExtensions.CreateOptions(new ConfigurationBuilder().Build()).ServiceVersion);
    }

    /// <summary>The clients' options with every request sent through <paramref name="handler"/> and no retries.</summary>
    private static StorageOptions PinnedOptions(PinnedCertificateHandler handler, string? serviceVersion) => new()
    {
        ServiceVersion = serviceVersion,
        MaxRetries = 0,
        NetworkTimeout = TimeSpan.FromSeconds(10),
        Transport = new HttpClientTransport(new HttpClient(handler, disposeHandler: false)),
    };

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
