using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Functions.Hosting;

namespace QuyCheWorkflow.Functions.Storage;

/// <summary>The storage account the app uses, from configuration: a connection string locally, an identity in Azure.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="StorageAccount"/> of the configuration (see <see cref="StorageAccount.FromConfiguration"/>:
    /// <c>Storage:ConnectionString</c>, else the three <c>Storage:*ServiceUri</c> with a <see cref="TokenCredential"/>
    /// registered in DI if any, else the managed identity of <c>Storage:ManagedIdentityClientId</c>, else
    /// <see cref="DefaultAzureCredential"/>), the <see cref="StorageOptions"/> every client shares (service version
    /// <c>Storage:ServiceVersion</c> when set), and through <c>AddAzureClients</c> one <see cref="TableServiceClient"/>,
    /// <see cref="BlobServiceClient"/> and <see cref="QueueServiceClient"/> for the app's life. All resolved lazily, so an
    /// app that never touches storage needs none; register another <see cref="StorageOptions"/> or
    /// <see cref="StorageAccount"/> afterwards to replace them (tests count or disturb requests that way).
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => StorageAccount.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetService<TokenCredential>()));
        services.TryAddSingleton(sp => CreateOptions(sp.GetRequiredService<IConfiguration>()));
        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>(
                (_, sp) => sp.GetRequiredService<StorageAccount>().CreateTableServiceClient(sp.GetRequiredService<StorageOptions>().CreateTableClientOptions()));
            clients.AddClient<BlobServiceClient, BlobClientOptions>(
                (_, sp) => sp.GetRequiredService<StorageAccount>().CreateBlobServiceClient(sp.GetRequiredService<StorageOptions>().CreateBlobClientOptions()));
            clients.AddClient<QueueServiceClient, QueueClientOptions>(
                (_, sp) => sp.GetRequiredService<StorageAccount>().CreateQueueServiceClient(sp.GetRequiredService<StorageOptions>().CreateQueueClientOptions()));
        });
        return services;
    }

    /// <summary>The clients' shared settings from configuration: only the service version is configurable.</summary>
    public static StorageOptions CreateOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new StorageOptions
        {
            ServiceVersion = configuration[AppSettings.StorageServiceVersion] is { Length: > 0 } version ? version : null,
        };
    }
}
