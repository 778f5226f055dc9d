using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Durable.Reference.Tests.Cases;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Durable.Reference.Tests.Engines;

/// <summary>
/// The project's engine on its Azure Storage backend (Azurite), through the official SDK's client and worker
/// (<see cref="QuyCheEngineHost"/>) with its embedded queue loop running on real time, and the official JSON converter
/// for payloads.
/// </summary>
public sealed class QuyCheEngine : IOrchestrationEngine
{
    private readonly QuyCheEngineHost _host;

    private QuyCheEngine(QuyCheEngineHost host) => _host = host;

    public string Name => ReferenceEngines.QuyChe;

    /// <summary>Creates the task hub <paramref name="taskHubName"/> and starts a worker serving <paramref name="tasks"/>.</summary>
    public static async Task<QuyCheEngine> StartAsync(string connectionString, string taskHubName, IReadOnlyCollection<TaskRegistration> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var host = await QuyCheEngineHost.CreateAsync(
            options =>
            {
                options.Backend = DurableTaskBackendKind.AzureStorage;
                options.TaskHubName = taskHubName;
                options.PartitionCount = 1;
                options.MaxPollInterval = TimeSpan.FromMilliseconds(200);
                options.DataConverter = JsonDataConverter.Default;
            },
            registry =>
            {
                foreach (var task in tasks)
                {
                    if (!task.IsOrchestrator)
                    {
                        registry.AddActivity(task.Name, _ => task.CreateActivity());
                    }
                    else if (task.Version is { } version)
                    {
                        registry.AddOrchestrator(task.Name, new TaskVersion(version), task.CreateOrchestrator);
                    }
                    else
                    {
                        registry.AddOrchestrator(task.Name, () => task.CreateOrchestrator());
                    }
                }
            },
            configureServices: services =>
            {
                var storage = TestStorageOptions.Create();
                services
                    .AddSingleton(new TableServiceClient(connectionString, storage.CreateTableClientOptions()))
                    .AddSingleton(new QueueServiceClient(connectionString, storage.CreateQueueClientOptions()))
                    .AddSingleton(new BlobServiceClient(connectionString, storage.CreateBlobClientOptions()));
            });
        await host.StartAsync();
        return new QuyCheEngine(host);
    }

    public Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestrator, object? input, StartOrchestrationOptions options, CancellationToken cancellationToken = default) =>
        _host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload, CancellationToken cancellationToken = default) =>
        _host.Client.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken);

    public Task TerminateInstanceAsync(string instanceId, object? output, CancellationToken cancellationToken = default) =>
        _host.Client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(output), cancellationToken);

    public Task SuspendInstanceAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        _host.Client.SuspendInstanceAsync(instanceId, reason, cancellationToken);

    public Task ResumeInstanceAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        _host.Client.ResumeInstanceAsync(instanceId, reason, cancellationToken);

    public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        _host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
