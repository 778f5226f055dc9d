using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace QuyCheWorkflow.Durable;

/// <summary>
/// A client and a worker over one engine backend, outside any application host: for test suites that run the same
/// orchestrations against several durabletask backends. Either start the embedded loop
/// (<see cref="StartAsync"/>, when <see cref="DurableTaskOptions.EnableEmbeddedWorker"/> is on) or drive the queues
/// by hand with <see cref="QuyCheDurableTaskWorker.ProcessVisibleMessagesAsync"/>. Dispose to stop and release it.
/// </summary>
public sealed class QuyCheEngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _started;

    private QuyCheEngineHost(ServiceProvider services)
    {
        _services = services;
        Worker = services.GetServices<IHostedService>().OfType<QuyCheDurableTaskWorker>().Single();
        Client = services.GetRequiredService<DurableTaskClient>();
        Engine = services.GetRequiredService<DurableTaskEngine>();
    }

    /// <summary>Gets the client (a <see cref="QuyCheDurableTaskClient"/>).</summary>
    public DurableTaskClient Client { get; }

    public QuyCheDurableTaskWorker Worker { get; }

    /// <summary>Gets the engine's options, as configured and validated.</summary>
    public DurableTaskOptions Options => Engine.Options;

    public IServiceProvider Services => _services;

    internal DurableTaskEngine Engine { get; }

    /// <summary>
    /// Builds a host over the backend <paramref name="configure"/> chooses (in memory, or Azure Storage with a
    /// connection), serving what <paramref name="register"/> adds. <paramref name="timeProvider"/> is the engine's clock
    /// (e.g. a fake one); <paramref name="configureServices"/> adds what activities need. The backend's tables and
    /// queues are created before this returns.
    /// </summary>
    public static async Task<QuyCheEngineHost> CreateAsync(
        Action<DurableTaskOptions> configure,
        Action<DurableTaskRegistry> register,
        TimeProvider? timeProvider = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(register);
        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        configureServices?.Invoke(services);
        services.AddDurableTaskWorker(builder => builder.AddTasks(register).UseQuyCheEngine(configure));
        services.AddDurableTaskClient(builder => builder.UseQuyCheEngine());
        var host = new QuyCheEngineHost(services.BuildServiceProvider());
        await host.Engine.Backend.EnsureCreatedAsync(cancellationToken);
        return host;
    }

    /// <summary>Starts the worker's embedded loop (a no-op when <see cref="DurableTaskOptions.EnableEmbeddedWorker"/> is off).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Worker.StartAsync(cancellationToken);
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await Worker.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
