using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>
/// The lifecycle with its orchestrations running: state on Azurite, mail to maildev, the durable engine's
/// embedded worker on a fake clock (in memory, or on Azurite). <see cref="AdvanceToAsync"/> moves the clock from
/// one orchestration wake-up to the next (each waits with its instant in its custom status), so every timer
/// fires at exactly its instant and months pass in seconds; between steps it waits for the engine's idle signal
/// (<see cref="QuyCheDurableTaskWorker.WaitForIdleAsync"/>). A real-time limit only guards against a hang.
/// </summary>
internal sealed class LifecycleHost : IAsyncDisposable
{
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(120);
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;
    private readonly QuyCheDurableTaskWorker _worker;

    private LifecycleHost(ServiceProvider services, FakeTimeProvider clock, string domain)
    {
        _services = services;
        _hosted = [.. services.GetServices<IHostedService>()];
        _worker = _hosted.OfType<QuyCheDurableTaskWorker>().Single();
        Clock = clock;
        Domain = domain;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>This host's table prefix and task hub name (give it to a second host to share its storage).</summary>
    public string Unique => Domain[..Domain.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The e-mail domain of this host's people, so its mail is told apart in the shared maildev.</summary>
    public string Domain { get; }

    public RegulationWorkflow Workflow => Get<RegulationWorkflow>();

    public OrganisationWorkflow Organisations => Get<OrganisationWorkflow>();

    public DurableTaskClient Durable => Get<DurableTaskClient>();

    /// <param name="unique">The table prefix and task hub of another host, to play a second process on the same storage.</param>
    /// <param name="storage">Options (e.g. a fault policy) for the storage clients, the engine's included.</param>
    /// <param name="configure">More services, or replacements, registered last.</param>
    /// <param name="engine">More engine settings, applied last.</param>
    public static async Task<LifecycleHost> StartAsync(
        AzuriteFixture azurite, MaildevFixture maildev, DateTimeOffset start, IEnumerable<DateOnly>? holidays = null, bool azureBackend = false,
        string? unique = null, StorageOptions? storage = null, Action<IServiceCollection>? configure = null, Action<DurableTaskOptions>? engine = null)
    {
        unique ??= "s" + Guid.NewGuid().ToString("N")[..12];
        var clock = new FakeTimeProvider(start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Transport"] = "Smtp",
            ["Mail:FromAddress"] = "vanphong@quyche.example.vn",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = maildev.Maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:EnableSsl"] = "false",
            ["Links:BaseUrl"] = "https://quyche.example.vn",
            ["Links:ActiveKeyId"] = "k1",
            ["Links:Keys:k1"] = Convert.ToBase64String(new byte[32]),
        }).Build();
        var collection = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(azurite.Azurite.CreateTableServiceClient(storage))
            .AddSingleton(azurite.Azurite.CreateBlobServiceClient(storage))
            .AddSingleton(azurite.Azurite.CreateQueueServiceClient(storage))
            .AddSingleton<OrganisationAccess>()
            .Configure<StateOptions>(o =>
            {
                o.TablePrefix = unique;
                o.DocumentsContainer = "documents-" + unique;
            })
            .Configure<LifecycleOptions>(o => o.PublicHolidays.AddRange(holidays ?? []))
            .AddLogging()
            .AddQuyCheWorkflowMail(configuration)
            .AddQuyCheWorkflowLinks(configuration)
            .AddQuyCheWorkflowState()
            .AddQuyCheWorkflowLifecycle()
            .AddDurableTaskWorker(builder => builder
                .AddTasks(registry => registry.AddLifecycleOrchestrations())
                .UseQuyCheEngine(o =>
                {
                    o.Backend = azureBackend ? DurableTaskBackendKind.AzureStorage : DurableTaskBackendKind.InMemory;
                    o.TaskHubName = unique;
                    o.PartitionCount = 1;
                    o.EnableEmbeddedWorker = true;
                    o.MaxPollInterval = TimeSpan.FromMilliseconds(20);

                    // Azure queues keep real time: a short cap makes a fake-clock timer message reappear at once, and
                    // the dispatcher sends it back until the fake clock reaches its instant.
                    o.MaxMessageDelay = TimeSpan.FromMilliseconds(50);
                    engine?.Invoke(o);
                }))
            .AddDurableTaskClient(builder => builder.UseQuyCheEngine());
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        var host = new LifecycleHost(services, clock, unique + ".example.vn");
        foreach (var hosted in host._hosted)
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
        }

        return host;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A parent (upper level) and a child organisation with five members, all with this host's addresses.</summary>
    public async Task<Organisation> AddOrganisationsAsync(string id, string code)
    {
        var ct = TestContext.Current.CancellationToken;
        var organisations = Get<OrganisationStore>();
        var upper = new OrganisationBuilder().WithId("duk").WithName("Đảng ủy Khối các cơ quan tỉnh").WithCode("ĐUK").WithType(OrganisationType.Agency)
            .WithParent(null).WithCommittee(Committee("duk", 3)).WithOfficeEmail("vanphong.duk@" + Domain).Build();
        await organisations.CreateAsync(upper, ct);
        var organisation = new OrganisationBuilder().WithId(id).WithName("Đảng ủy Sở Tài chính").WithCode(code).WithType(OrganisationType.Agency)
            .WithCommittee(Committee(id, 5)).WithOfficeEmail("vanphong@" + Domain).Build();
        await organisations.CreateAsync(organisation, ct);
        return organisation;
    }

    /// <summary>Members "Lê Thị Hoa {prefix} n" at "{prefix}.mn@" this host's domain.</summary>
    public StandingCommittee Committee(string prefix, int size) => CommitteeBuilder.OfSize(size, $"Lê Thị Hoa {prefix}", prefix, Domain);

    public ConsultationRecipient Recipient(int i) => new($"r{i}", $"Phạm Văn Nam {i}", $"r{i}@{Domain}");

    /// <summary>
    /// Moves the clock to <paramref name="target"/>, stopping at every orchestration wake-up on the way and
    /// letting the engine run until every lifecycle instance is waiting again.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var waits = await SettleAsync(watch);
            var now = Clock.GetUtcNow();
            var next = waits.Where(w => w > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
            if (next is null || next > target)
            {
                if (target > now)
                {
                    Clock.SetUtcNow(target);
                }

                await SettleAsync(watch);
                return;
            }

            Clock.SetUtcNow(next.Value);
        }
    }

    /// <summary>Lets the engine run until every lifecycle instance has finished or waits for a later instant or an event.</summary>
    public Task SettleAsync() => SettleAsync(Stopwatch.StartNew());

    /// <summary>Waits until <paramref name="condition"/> holds, letting the engine run (commands' events are asynchronous).</summary>
    public async Task UntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            ThrowIfHung(watch);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await SettleAsync(watch);
    }

    /// <summary>The version the instance was stamped with at start (the SDK's metadata does not carry it).</summary>
    public async Task<string?> VersionOfAsync(string instanceId) =>
        (await ((QuyCheDurableTaskClient)Durable).GetInstanceVersionAsync(instanceId, TestContext.Current.CancellationToken))?.Version;

    public async Task<IReadOnlyList<OrchestrationMetadata>> InstancesAsync()
    {
        List<OrchestrationMetadata> instances = [];
        await foreach (var instance in Durable.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 500 }).WithCancellation(TestContext.Current.CancellationToken))
        {
            instances.Add(instance);
        }

        return instances;
    }

    /// <summary>Stops the engine's worker: from now on nothing runs, as if every message were lost.</summary>
    public async Task StopEngineAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        _hosted.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopEngineAsync();

        await _services.DisposeAsync();
    }

    // Parked: the engine is idle (no message visible on its clock, nothing in flight) and every unfinished instance
    // is running and waits for a later instant or only for an event.
    private async Task<IReadOnlyList<DateTimeOffset>> SettleAsync(Stopwatch watch)
    {
        while (true)
        {
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
            {
                limit.CancelAfter(s_hangLimit - watch.Elapsed is { Ticks: > 0 } left ? left : TimeSpan.Zero);
                try
                {
                    await _worker.WaitForIdleAsync(limit.Token);
                }
                catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
                {
                    ThrowIfHung(watch);
                    throw;
                }
            }

            var now = Clock.GetUtcNow();
            var open = (await InstancesAsync()).Where(i => !i.IsCompleted).ToList();
            if (open.All(i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running
                && i.ReadCustomStatusAs<LifecycleWaitStatus>() is { } wait && (wait.WakeAt is null || wait.WakeAt > now)))
            {
                return [.. open.Select(i => i.ReadCustomStatusAs<LifecycleWaitStatus>()!.WakeAt).OfType<DateTimeOffset>()];
            }

            // Idle, yet an instance is due: on Azure queues a timer message stays hidden for a real second after
            // the fake clock reached its instant.
            ThrowIfHung(watch);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static void ThrowIfHung(Stopwatch watch)
    {
        if (watch.Elapsed > s_hangLimit)
        {
            throw new TimeoutException("The lifecycle made no progress towards the expected state.");
        }
    }
}
