using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>
/// A DTFx task hub on the Azure Storage provider with its worker running the <see cref="Workloads"/> through the
/// official SDK's shims, and a <see cref="TaskHubClient"/>; every storage request of both is counted in
/// <see cref="Requests"/>. Settings are DTFx's defaults except the service version Azurite needs and the work item
/// concurrency, set to the project engine's bench value.
/// </summary>
internal sealed class DtfxHub : IAsyncDisposable
{
    private readonly TaskHubWorker _worker;

    private DtfxHub(TaskHubWorker worker, TaskHubClient client, StorageRequestTally requests)
    {
        _worker = worker;
        Client = client;
        Requests = requests;
    }

    public TaskHubClient Client { get; }

    public StorageRequestTally Requests { get; }

    /// <summary>The settings that shape DTFx's request count, as it ran, for the report.</summary>
    public string Settings { get; private init; } = string.Empty;

    public static async Task<DtfxHub> StartAsync(string connectionString, string taskHubName, int workItems, WorkloadProgress progress)
    {
        var requests = new StorageRequestTally();
        var blobOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        blobOptions.AddPolicy(requests.PolicyFor("Blob"), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions(QueueClientOptions.ServiceVersion.V2026_06_06);
        queueOptions.AddPolicy(requests.PolicyFor("Queue"), HttpPipelinePosition.PerRetry);
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(requests.PolicyFor("Table"), HttpPipelinePosition.PerRetry);
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, blobOptions),
                StorageServiceClientProvider.ForQueue(connectionString, queueOptions),
                StorageServiceClientProvider.ForTable(connectionString, tableOptions)),
            MaxConcurrentTaskOrchestrationWorkItems = workItems,
            MaxConcurrentTaskActivityWorkItems = workItems,
            LoggerFactory = NullLoggerFactory.Instance,
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), NullLoggerFactory.Instance);
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        worker.AddTaskOrchestrations([.. Workloads.Orchestrators(progress).Select(o => new ShimOrchestrationCreator(shims, o.Key, o.Value))]);
        worker.AddTaskActivities([.. Workloads.Activities.Select(a => new ShimActivityCreator(shims, a.Key, a.Value))]);
        await worker.StartAsync();
        return new DtfxHub(worker, new TaskHubClient(service, loggerFactory: NullLoggerFactory.Instance), requests)
        {
            Settings = $"{settings.PartitionCount} partitions, "
                + (settings.UseTablePartitionManagement ? "table" : "blob lease") + " partition management, "
                + $"queue polling backing off to {settings.MaxQueuePollingInterval.TotalSeconds:0} s, control queue batches of {settings.ControlQueueBatchSize}, "
                + $"extended sessions {(settings.ExtendedSessionsEnabled ? "on" : "off")}, {workItems} concurrent orchestration and activity work items",
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        _worker.Dispose();
    }
}
