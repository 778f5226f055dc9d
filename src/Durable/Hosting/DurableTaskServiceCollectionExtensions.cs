using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Durable;

/// <summary>Registers the engine in a service collection.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="DurableTaskClient"/>, the <see cref="DurableTaskDispatcher"/> and, when
    /// <see cref="DurableTaskOptions.EnableEmbeddedWorker"/> is set, the <see cref="DurableTaskWorkerService"/>, all
    /// singletons over one backend. Uses the registered <see cref="TimeProvider"/> (the system clock if none).
    /// </summary>
    public static IServiceCollection AddDurableTask(this IServiceCollection services, Action<DurableTaskOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new DurableTaskOptions();
        configure(options);
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<IDurableTaskBackend>(sp => options.Backend switch
        {
            DurableTaskBackendKind.InMemory => new InMemoryDurableTaskBackend(options, sp.GetRequiredService<TimeProvider>()),
            _ => new AzureStorageDurableTaskBackend(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), sp.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>(), sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>()),
        });
        services.AddSingleton(sp => new DurableTaskClient(sp.GetRequiredService<IDurableTaskBackend>(), options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DurableTaskDispatcher(
            sp.GetRequiredService<IDurableTaskBackend>(), options, sp, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        if (options.EnableEmbeddedWorker)
        {
            services.AddHostedService(sp => new DurableTaskWorkerService(
                sp.GetRequiredService<IDurableTaskBackend>(),
                sp.GetRequiredService<DurableTaskDispatcher>(),
                options,
                sp.GetRequiredService<ILogger<DurableTaskWorkerService>>()));
        }

        return services;
    }
}
