using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Durable;

/// <summary>Selects the engine as the backend of the SDK's worker and client builders.</summary>
public static class QuyCheEngineBuilderExtensions
{
    /// <summary>
    /// Makes the worker a <see cref="QuyCheDurableTaskWorker"/> over the engine, and registers its
    /// <see cref="DurableTaskDispatcher"/> for whatever feeds it queue messages. <paramref name="configure"/> adds to
    /// the engine's <see cref="DurableTaskOptions"/>, shared with a client configured with the same call: both run
    /// over one backend per service provider. Uses the registered <see cref="TimeProvider"/> (the system clock if none).
    /// </summary>
    public static IDurableTaskWorkerBuilder UseQuyCheEngine(this IDurableTaskWorkerBuilder builder, Action<DurableTaskOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddEngine(builder.Services, configure);
        var name = builder.Name;
        builder.Services.TryAddSingleton(sp => sp.GetServices<IHostedService>().OfType<QuyCheDurableTaskWorker>().FirstOrDefault()?.Dispatcher
            ?? throw new InvalidOperationException($"No durable task worker '{name}' is built over the engine."));
        return builder.UseBuildTarget<QuyCheDurableTaskWorker>();
    }

    /// <summary>
    /// Makes the client a <see cref="QuyCheDurableTaskClient"/> over the engine; <paramref name="configure"/> adds to
    /// the engine's <see cref="DurableTaskOptions"/> (see the worker's overload).
    /// </summary>
    public static IDurableTaskClientBuilder UseQuyCheEngine(this IDurableTaskClientBuilder builder, Action<DurableTaskOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddEngine(builder.Services, configure);
        return builder.UseBuildTarget<QuyCheDurableTaskClient>();
    }

    private static void AddEngine(IServiceCollection services, Action<DurableTaskOptions>? configure)
    {
        var optionsBuilder = services.AddOptions<DurableTaskOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DurableTaskOptions>>().Value;
            options.Validate();
            var clock = sp.GetRequiredService<TimeProvider>();
            IDurableTaskBackend backend = options.Backend switch
            {
                DurableTaskBackendKind.InMemory => new InMemoryDurableTaskBackend(options, clock),
                _ => new AzureStorageDurableTaskBackend(options, clock, sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(),
                    sp.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>(), sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>()),
            };
            return new DurableTaskEngine(options, backend, clock);
        });
    }
}
