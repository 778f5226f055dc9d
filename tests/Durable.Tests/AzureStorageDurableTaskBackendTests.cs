using QuyCheWorkflow.Storage;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Tests;

/// <summary>
/// The shared engine semantics on the Azure Storage backend against Azurite, plus what only a real store can
/// show: crashes between checkpoint steps, competing workers, a storage restart. Each test uses a fresh task hub.
/// </summary>
public sealed partial class AzureStorageDurableTaskBackendTests(AzuriteFixture azurite) : DurableTaskEngineTests
{
    private readonly string _hubName = "t" + Guid.NewGuid().ToString("N")[..16];

    protected override TimeSpan IdlePause => TimeSpan.FromMilliseconds(100);

    protected override void ConfigureBackend(DurableTaskOptions options) => Configure(options, azurite.ConnectionString, null);

    private void Configure(DurableTaskOptions options, string connectionString, DelegatingHandler? handler, string? hubName = null, bool inline = true)
    {
        options.InlineActivityBudget = inline ? 16 : 0;
        options.Backend = DurableTaskBackendKind.AzureStorage;
        options.StorageConnectionString = connectionString;
        options.TaskHubName = hubName ?? _hubName;
        options.PartitionCount = 2;
        options.MaxMessageDelay = TimeSpan.FromMilliseconds(500);
        options.EarlyMessageRetryDelay = TimeSpan.FromMilliseconds(200);
        options.MessageVisibilityTimeout = TimeSpan.FromSeconds(1);
        options.StorageClientOptions = new StorageClientOptions { Retry = handler is null };
        if (handler is not null)
        {
            options.StorageClientOptions.Handlers.Add(handler);
        }
    }
}
