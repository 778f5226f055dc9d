using Azure.Core;
using Azure.Identity;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Storage;
using QuyCheWorkflow.Storage.Blobs;
using QuyCheWorkflow.Storage.Queues;
using QuyCheWorkflow.Storage.Tables;

namespace QuyCheWorkflow.Functions.Storage;

/// <summary>The storage account the app uses, from configuration: a connection string locally, an identity in Azure.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StorageConnection"/>, shared <see cref="StorageClientOptions"/> and the three service
    /// clients. <c>Storage:ConnectionString</c> wins when set; otherwise the three <c>Storage:*ServiceUri</c> are used
    /// with bearer tokens from a <see cref="TokenCredential"/> registered in DI if any, else the managed identity
    /// named by <c>Storage:ManagedIdentityClientId</c>, else <see cref="DefaultAzureCredential"/> (system-assigned
    /// identity in Azure, developer login locally). Resolved lazily, so an app that never touches storage needs none.
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => CreateConnection(sp.GetRequiredService<IConfiguration>(), sp.GetService<TokenCredential>()));
        services.AddSingleton(sp => new StorageClientOptions
        {
            TimeProvider = sp.GetRequiredService<TimeProvider>(),
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
        });
        services.AddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<StorageConnection>(), sp.GetRequiredService<StorageClientOptions>()));
        services.AddSingleton(sp => new QueueServiceClient(sp.GetRequiredService<StorageConnection>(), sp.GetRequiredService<StorageClientOptions>()));
        services.AddSingleton(sp => new TableServiceClient(sp.GetRequiredService<StorageConnection>(), sp.GetRequiredService<StorageClientOptions>()));
        return services;
    }

    public static StorageConnection CreateConnection(IConfiguration configuration, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[AppSettings.StorageConnectionString] is { Length: > 0 } connectionString)
        {
            return StorageConnection.Parse(connectionString);
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
        return StorageConnection.FromTokenCredential(new Uri(blob), new Uri(queue), new Uri(table), credential);
    }
}
