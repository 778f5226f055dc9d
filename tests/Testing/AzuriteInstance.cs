using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Testing;

/// <summary>
/// A real Azurite (blob, queue, table) on free loopback ports, persisting to a temporary folder so that a
/// stop and restart keeps what was written, as Azure would. It checks the service version of every request, as Azure
/// does (no <c>--skipApiVersionCheck</c>), so a client sending a version it does not know is refused here too.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _location;
    private readonly AzuriteOptions _options;
    private GuardedProcess? _process;

    private AzuriteInstance(int blobPort, int queuePort, int tablePort, string location, AzuriteOptions options)
    {
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        _location = location;
        _options = options;
    }

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    public Uri BlobEndpoint => new($"{Scheme}://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"{Scheme}://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"{Scheme}://127.0.0.1:{TablePort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol={Scheme};AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A table service client for this instance, with <see cref="TestStorageOptions.Create"/> unless other options are given.</summary>
    public TableServiceClient CreateTableServiceClient(StorageOptions? options = null) =>
        new(ConnectionString, (options ?? TestStorageOptions.Create()).CreateTableClientOptions());

    /// <summary>A blob service client for this instance, with <see cref="TestStorageOptions.Create"/> unless other options are given.</summary>
    public BlobServiceClient CreateBlobServiceClient(StorageOptions? options = null) =>
        new(ConnectionString, (options ?? TestStorageOptions.Create()).CreateBlobClientOptions());

    /// <summary>A queue service client for this instance, with <see cref="TestStorageOptions.Create"/> unless other options are given.</summary>
    public QueueServiceClient CreateQueueServiceClient(StorageOptions? options = null) =>
        new(ConnectionString, (options ?? TestStorageOptions.Create()).CreateQueueClientOptions());

    private string Scheme => _options.UsesHttps ? "https" : "http";

    public static Task<AzuriteInstance> StartAsync() => StartAsync(new AzuriteOptions());

    public static async Task<AzuriteInstance> StartAsync(AzuriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var location = Path.Combine(Path.GetTempPath(), "qcw-azurite-" + Path.GetRandomFileName());
        Directory.CreateDirectory(location);
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePort.Next(3);
            var instance = new AzuriteInstance(ports[0], ports[1], ports[2], location, options);
            try
            {
                await instance.StartProcessAsync();
                return instance;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took one of the ports between choosing and binding; choose again.
                await instance.StopAsync();
            }
        }
    }

    /// <summary>Stops Azurite gracefully; its data stays on disk for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Starts Azurite again on the same ports over the same data (empty with <see cref="AzuriteOptions.InMemoryPersistence"/>).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans /tmp.
        }
    }

    private async Task StartProcessAsync()
    {
        List<string> arguments =
        [
            "--silent", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        arguments.AddRange(_options.InMemoryPersistence ? ["--inMemoryPersistence"] : ["--location", _location]);
        if (_options.CertificatePath is not null)
        {
            arguments.AddRange(["--cert", _options.CertificatePath, "--key", _options.KeyPath ?? throw new InvalidOperationException("A certificate needs its key.")]);
        }

        if (_options.OAuthBasic)
        {
            arguments.AddRange(["--oauth", "basic"]);
        }

        _process = GuardedProcess.Start(RepositoryPaths.NodeTool("azurite"), arguments);
        await Readiness.WaitForPortsAsync(_process, "Azurite", TimeSpan.FromSeconds(60), BlobPort, QueuePort, TablePort);
    }
}
