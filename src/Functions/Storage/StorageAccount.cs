using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using QuyCheWorkflow.Functions.Hosting;

namespace QuyCheWorkflow.Functions.Storage;

/// <summary>
/// How the app reaches its storage account: a connection string (Azurite locally, account key), or the three
/// service URIs with a <see cref="TokenCredential"/> (managed identity in Azure). Creates the SDK's service clients
/// with the options given; creating a client sends no request. Immutable and thread-safe.
/// </summary>
public sealed class StorageAccount
{
    private StorageAccount(string? connectionString, Uri? blobServiceUri, Uri? queueServiceUri, Uri? tableServiceUri, TokenCredential? credential)
    {
        ConnectionString = connectionString;
        BlobServiceUri = blobServiceUri;
        QueueServiceUri = queueServiceUri;
        TableServiceUri = tableServiceUri;
        Credential = credential;
    }

    /// <summary>The connection string, or null when the account is reached with a token credential.</summary>
    public string? ConnectionString { get; }

    public Uri? BlobServiceUri { get; }

    public Uri? QueueServiceUri { get; }

    public Uri? TableServiceUri { get; }

    /// <summary>The credential that signs requests to the service URIs, or null with a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>An account reached through a connection string (account key or development storage).</summary>
    public static StorageAccount FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return new StorageAccount(connectionString, null, null, null, null);
    }

    /// <summary>An account reached through its three service URIs with bearer tokens from <paramref name="credential"/>.</summary>
    public static StorageAccount FromServiceUris(Uri blobServiceUri, Uri queueServiceUri, Uri tableServiceUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(null, blobServiceUri, queueServiceUri, tableServiceUri, credential);
    }

    /// <summary>
    /// The account the configuration names. <c>Storage:ConnectionString</c> wins when set; otherwise the three
    /// <c>Storage:*ServiceUri</c> are used with <paramref name="credential"/> if given, else the user-assigned
    /// managed identity of <c>Storage:ManagedIdentityClientId</c>, else <see cref="DefaultAzureCredential"/>
    /// (system-assigned identity in Azure, developer login locally).
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither a connection string nor all three service URIs are set.</exception>
    public static StorageAccount FromConfiguration(IConfiguration configuration, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[AppSettings.StorageConnectionString] is { Length: > 0 } connectionString)
        {
            return FromConnectionString(connectionString);
        }

        var blob = configuration[AppSettings.StorageBlobServiceUri];
        var queue = configuration[AppSettings.StorageQueueServiceUri];
        var table = configuration[AppSettings.StorageTableServiceUri];
        if (string.IsNullOrEmpty(blob) || string.IsNullOrEmpty(queue) || string.IsNullOrEmpty(table))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {AppSettings.StorageConnectionString}, or {AppSettings.StorageBlobServiceUri}, " +
                $"{AppSettings.StorageQueueServiceUri} and {AppSettings.StorageTableServiceUri}.");
        }

        credential ??= configuration[AppSettings.StorageManagedIdentityClientId] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return FromServiceUris(new Uri(blob), new Uri(queue), new Uri(table), credential);
    }

    public TableServiceClient CreateTableServiceClient(TableClientOptions options) => ConnectionString is { } connectionString
        ? new TableServiceClient(connectionString, options)
        : new TableServiceClient(TableServiceUri!, Credential!, options);

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions options) => ConnectionString is { } connectionString
        ? new BlobServiceClient(connectionString, options)
        : new BlobServiceClient(BlobServiceUri!, Credential!, options);

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions options) => ConnectionString is { } connectionString
        ? new QueueServiceClient(connectionString, options)
        : new QueueServiceClient(QueueServiceUri!, Credential!, options);
}
