using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using QuyCheWorkflow.Durable.Storage;

namespace QuyCheWorkflow.Durable.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void FromConfiguration_EverySetting_Read()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ServiceVersion"] = "2026-06-06",
            ["Storage:NetworkTimeout"] = "00:00:12",
            ["Storage:MaxRetries"] = "3",
            ["Storage:Delay"] = "00:00:00.150",
            ["Storage:MaxDelay"] = "00:00:05",
        }).Build().GetSection("Storage");

        var options = StorageOptions.FromConfiguration(section);

        Assert.Equal("2026-06-06", options.ServiceVersion);
        Assert.Equal(TimeSpan.FromSeconds(12), options.NetworkTimeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(150), options.Delay);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxDelay);
    }

    [Fact]
    public void FromConfiguration_EmptySection_KeepsDefaults()
    {
        var section = new ConfigurationBuilder().Build().GetSection("Storage");

        var options = StorageOptions.FromConfiguration(section);

        Assert.Null(options.ServiceVersion);
        Assert.Equal(TimeSpan.FromSeconds(30), options.NetworkTimeout);
        Assert.Equal(4, options.MaxRetries);
    }

    [Fact]
    public void CreateClientOptions_Pinned_AppliesVersionTimeoutAndRetryPolicy()
    {
        var options = new StorageOptions { ServiceVersion = "2026-06-06", NetworkTimeout = TimeSpan.FromSeconds(7) };

        var blob = options.CreateBlobClientOptions();
        var queue = options.CreateQueueClientOptions();
        var table = options.CreateTableClientOptions();

        Assert.Equal(BlobClientOptions.ServiceVersion.V2026_06_06, blob.Version);
        Assert.Equal(QueueClientOptions.ServiceVersion.V2026_06_06, queue.Version);
        Assert.All([blob.Retry, queue.Retry, table.Retry], r => Assert.Equal(TimeSpan.FromSeconds(7), r.NetworkTimeout));
        Assert.All([blob.RetryPolicy, queue.RetryPolicy, table.RetryPolicy], p => Assert.IsType<StorageRetryPolicy>(p));
    }
}
