using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;
using QuyCheWorkflow.Durable.Reference.Tests.Cases;
using CoreOrchestrationStatus = DurableTask.Core.OrchestrationStatus;

namespace QuyCheWorkflow.Durable.Reference.Tests.Engines;

/// <summary>
/// The Durable Task Framework (DurableTask.Core with its Azure Storage provider) on Azurite, running the official
/// orchestrators and activities through <see cref="DurableTaskShimFactory"/>, as the Functions extension does.
/// The client is DTFx's <see cref="TaskHubClient"/> given the official JSON converter, so what it sends and reads is
/// what the official client would send and read.
/// </summary>
public sealed class DtfxEngine : IOrchestrationEngine
{
    private static readonly JsonDataConverter s_converter = JsonDataConverter.Default;

    private readonly TaskHubWorker _worker;
    private readonly TaskHubClient _client;

    private DtfxEngine(TaskHubWorker worker, TaskHubClient client)
    {
        _worker = worker;
        _client = client;
    }

    public string Name => ReferenceEngines.Dtfx;

    /// <summary>
    /// Creates the task hub <paramref name="taskHubName"/> on the storage account of <paramref name="connectionString"/>
    /// and starts a worker serving <paramref name="tasks"/>.
    /// </summary>
    public static async Task<DtfxEngine> StartAsync(string connectionString, string taskHubName, IReadOnlyCollection<TaskRegistration> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHubName,
            // Azurite 3.37 refuses the Blob/Queue SDKs' default service version; 2026-06-06 is the newest it takes.
            StorageAccountClientProvider = new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06)),
                StorageServiceClientProvider.ForQueue(connectionString, new QueueClientOptions(QueueClientOptions.ServiceVersion.V2026_06_06)),
                StorageServiceClientProvider.ForTable(connectionString, new TableClientOptions())),
            // One control queue is plenty for a few dozen instances; DTFx polls each queue, backing off up to this
            // interval when idle (30 s by default), so a short one keeps a case from waiting on the back-off.
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500),
            LoggerFactory = NullLoggerFactory.Instance,
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();

        // MaximumTimerInterval (3 days, the default, written out because it matters) is what lets a timer longer than the
        // queue's 7-day visibility limit through: the shim splits it. The data converter is the official default.
        var workerOptions = new DurableTaskWorkerOptions { DataConverter = s_converter, MaximumTimerInterval = TimeSpan.FromDays(3) };
        var shims = new DurableTaskShimFactory(workerOptions, NullLoggerFactory.Instance);
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance)
        {
            // The shim reads failures as FailureDetails; DTFx's default would serialize exceptions instead.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddTaskOrchestrations([.. tasks.Where(t => t.IsOrchestrator).Select(t => new ShimOrchestrationCreator(shims, t))]);

        // The shim schedules an activity under the calling orchestration's version and DTFx matches versions exactly,
        // so each activity is registered under every orchestration version there is.
        var versions = tasks.Where(t => t.IsOrchestrator).Select(t => t.Version ?? string.Empty).Append(string.Empty).Distinct(StringComparer.Ordinal).ToList();
        worker.AddTaskActivities([.. tasks.Where(t => !t.IsOrchestrator).SelectMany(t => versions.Select(v => new ShimActivityCreator(shims, t, v)))]);
        await worker.StartAsync();

        var client = new TaskHubClient(service, new OfficialDataConverter(s_converter), NullLoggerFactory.Instance);
        return new DtfxEngine(worker, client);
    }

    public async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestrator, object? input, StartOrchestrationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var instanceId = options.InstanceId ?? throw new ArgumentException("The reference cases name their instances.", nameof(options));
        var instance = await _client.CreateOrchestrationInstanceAsync(orchestrator.Name, options.Version?.Version ?? string.Empty, instanceId, input);
        return instance.InstanceId;
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload, CancellationToken cancellationToken = default) =>
        _client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, eventPayload!);

    // DTFx stores the reason as the output text as it is; serializing it first gives the official client's output.
    public Task TerminateInstanceAsync(string instanceId, object? output, CancellationToken cancellationToken = default) =>
        _client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, s_converter.Serialize(output)!);

    public Task SuspendInstanceAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        _client.SuspendInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);

    public Task ResumeInstanceAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        _client.ResumeInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await _client.GetOrchestrationStateAsync(instanceId);
        if (state is null)
        {
            return null;
        }

        var status = ToRuntimeStatus(state.OrchestrationStatus);
        return new OrchestrationMetadata(state.Name, instanceId)
        {
            RuntimeStatus = status,
            CreatedAt = state.CreatedTime,
            LastUpdatedAt = state.LastUpdatedTime,
            SerializedInput = state.Input,
            // A failed instance's output holds DTFx's own failure text; the official client shows FailureDetails instead.
            SerializedOutput = status == OrchestrationRuntimeStatus.Failed ? null : state.Output,
            SerializedCustomStatus = state.Status,
            FailureDetails = status == OrchestrationRuntimeStatus.Failed ? await ReadFailureDetailsAsync(state) : null,
            DataConverter = s_converter,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        _worker.Dispose();
    }

    /// <summary>
    /// The Azure Storage provider keeps only the failure's text in the instance row; the structured details are in the
    /// execution's completion event, so they are read from the history, as the official client would show them.
    /// </summary>
    private async Task<TaskFailureDetails> ReadFailureDetailsAsync(OrchestrationState state)
    {
        using var history = JsonDocument.Parse(await _client.GetOrchestrationHistoryAsync(state.OrchestrationInstance));
        var completed = history.RootElement.EnumerateArray().LastOrDefault(e =>
            e.TryGetProperty(nameof(HistoryEvent.EventType), out var type) && type.GetInt32() == (int)EventType.ExecutionCompleted);
        return completed.ValueKind == JsonValueKind.Object && completed.TryGetProperty(nameof(ExecutionCompletedEvent.FailureDetails), out var failure)
            && failure.ValueKind == JsonValueKind.Object
            ? ToFailureDetails(failure)
            : new TaskFailureDetails("(unknown)", state.Output ?? string.Empty, null, null, null);
    }

    private static TaskFailureDetails ToFailureDetails(JsonElement failure) => new(
        failure.GetProperty(nameof(FailureDetails.ErrorType)).GetString() ?? string.Empty,
        failure.GetProperty(nameof(FailureDetails.ErrorMessage)).GetString() ?? string.Empty,
        failure.TryGetProperty(nameof(FailureDetails.StackTrace), out var stack) ? stack.GetString() : null,
        failure.TryGetProperty(nameof(FailureDetails.InnerFailure), out var inner) && inner.ValueKind == JsonValueKind.Object ? ToFailureDetails(inner) : null,
        null);

    private static OrchestrationRuntimeStatus ToRuntimeStatus(CoreOrchestrationStatus status) => status switch
    {
        CoreOrchestrationStatus.Running => OrchestrationRuntimeStatus.Running,
        CoreOrchestrationStatus.Completed => OrchestrationRuntimeStatus.Completed,
        CoreOrchestrationStatus.ContinuedAsNew => OrchestrationRuntimeStatus.Running,
        CoreOrchestrationStatus.Failed => OrchestrationRuntimeStatus.Failed,
        CoreOrchestrationStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        CoreOrchestrationStatus.Pending => OrchestrationRuntimeStatus.Pending,
        CoreOrchestrationStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No official status for this DTFx status."),
    };
}
