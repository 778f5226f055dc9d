using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using QuyCheWorkflow.Functions.CustomHandler;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Storage;

namespace QuyCheWorkflow.Functions.Tests.CustomHandler;

/// <summary>The function.json and host.json files shipped beside the executable, as the app reads them.</summary>
public sealed class FunctionCatalogTests
{
    [Fact]
    public void Load_ShippedFiles_DeclaresControlQueuesWorkItemsAndTimers()
    {
        var catalog = FunctionCatalog.Load(AppContext.BaseDirectory, Configuration(("Durable:TaskHubName", "quyche")));

        Assert.Equal(
            ["quyche-control-00", "quyche-control-01", "quyche-control-02", "quyche-control-03", "quyche-workitems"],
            catalog.QueueTriggers.Select(q => q.QueueName).Order(StringComparer.Ordinal));
        Assert.All(catalog.QueueTriggers, q => Assert.Equal("Storage", q.Connection));
        Assert.Equal(["Reconciler", "ReminderSweep"], catalog.TimerTriggers.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Api", catalog.FunctionNames);
    }

    [Fact]
    public void Load_ShippedHostJson_QueueSettingsMatchTheStorageClients()
    {
        var catalog = FunctionCatalog.Load(AppContext.BaseDirectory, Configuration(("Durable:TaskHubName", "quyche")));

        // The host decodes what our queue client encodes: both must say base64.
        Assert.Equal("base64", catalog.QueueSettings.MessageEncoding);
        Assert.Equal(QueueMessageEncoding.Base64, StorageServiceCollectionExtensions.CreateOptions(Configuration()).CreateQueueClientOptions().MessageEncoding);
        Assert.InRange(catalog.QueueSettings.BatchSize, 1, 32);
        Assert.True(catalog.QueueSettings.MaxDequeueCount >= 1);
    }

    [Fact]
    public void Load_ShippedHostJson_LetsTheEngineQuarantineBeforeTheHostPoisons()
    {
        var catalog = FunctionCatalog.Load(AppContext.BaseDirectory, Configuration(("Durable:TaskHubName", "quyche")));

        // The engine sets a message aside (and fails its instance) after PoisonMessageThreshold deliveries; the
        // host's own poison queue is only the backstop, so it must come later.
        Assert.True(catalog.QueueSettings.MaxDequeueCount > new QuyCheWorkflow.Durable.DurableTaskOptions().PoisonMessageThreshold + 1);
    }

    [Fact]
    public void Resolve_MissingSetting_ThrowsNamingIt()
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            FunctionCatalog.Resolve("%Durable__TaskHubName%-workitems", Configuration(), "function.json"));

        Assert.Contains("Durable__TaskHubName", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SettingInEnvironmentForm_ReadsTheHierarchicalKey()
    {
        var resolved = FunctionCatalog.Resolve("%Durable__TaskHubName%-control-01", Configuration((AppSettings.DurableTaskHubName, "hub9")), "function.json");

        Assert.Equal("hub9-control-01", resolved);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
