using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>
/// The lifecycle with its orchestrations running: state on Azurite, mail to maildev, the durable engine's
/// embedded worker on a fake clock (in memory, or on Azurite). <see cref="AdvanceToAsync"/> moves the clock from
/// one orchestration wake-up to the next (each waits with its instant in its custom status), so every timer
/// fires at exactly its instant and months pass in seconds. A real-time limit only guards against a hang.
/// </summary>
internal sealed class LifecycleHost : IAsyncDisposable
{
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(120);
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private LifecycleHost(ServiceProvider services, FakeTimeProvider clock, string domain)
    {
        _services = services;
        _hosted = [.. services.GetServices<IHostedService>()];
        Clock = clock;
        Domain = domain;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The e-mail domain of this host's people, so its mail is told apart in the shared maildev.</summary>
    public string Domain { get; }

    public RegulationWorkflow Workflow => Get<RegulationWorkflow>();

    public OrganisationWorkflow Organisations => Get<OrganisationWorkflow>();

    public DurableTaskClient Durable => Get<DurableTaskClient>();

    public static async Task<LifecycleHost> StartAsync(
        AzuriteFixture azurite, MaildevFixture maildev, DateTimeOffset start, IEnumerable<DateOnly>? holidays = null, bool azureBackend = false)
    {
        string unique = "s" + Guid.NewGuid().ToString("N")[..12];
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
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(azurite.Azurite.CreateTableServiceClient())
            .AddSingleton(azurite.Azurite.CreateBlobServiceClient())
            .AddSingleton(azurite.Azurite.CreateQueueServiceClient())
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
                }))
            .AddDurableTaskClient(builder => builder.UseQuyCheEngine())
            .BuildServiceProvider();
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
        Organisation upper = new("duk", "Đảng ủy Khối các cơ quan tỉnh", OrganisationCode.Parse("ĐUK"), OrganisationType.Agency, null,
            new Term(2025, 2030), Committee("duk", 3)) { OfficeEmail = "vanphong.duk@" + Domain };
        await organisations.CreateAsync(upper, ct);
        Organisation organisation = new(id, "Đảng ủy Sở Tài chính", OrganisationCode.Parse(code), OrganisationType.Agency, "duk",
            new Term(2025, 2030), Committee(id, 5)) { OfficeEmail = "vanphong@" + Domain };
        await organisations.CreateAsync(organisation, ct);
        return organisation;
    }

    public StandingCommittee Committee(string prefix, int size) => new(Enumerable.Range(1, size).Select(i => new CommitteeMember(
        $"m{i}", $"Lê Thị Hoa {prefix} {i}", $"{prefix}.m{i}@{Domain}", i == 1 ? CommitteeRole.Secretary : CommitteeRole.Member)));

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

    // Parked: every unfinished instance is running and waits for a later instant or only for an event, seen
    // the same on three polls in a row (a message just sent is picked up within one poll interval).
    private async Task<IReadOnlyList<DateTimeOffset>> SettleAsync(Stopwatch watch)
    {
        int stable = 0;
        string? previous = null;
        while (true)
        {
            ThrowIfHung(watch);
            var now = Clock.GetUtcNow();
            var instances = await InstancesAsync();
            var open = instances.Where(i => !i.IsCompleted).ToList();
            bool parked = open.All(i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running
                && i.ReadCustomStatusAs<LifecycleWaitStatus>() is { } wait && (wait.WakeAt is null || wait.WakeAt > now));
            string snapshot = string.Join(";", instances.Select(i => $"{i.InstanceId}:{i.RuntimeStatus}:{i.SerializedCustomStatus}:{i.LastUpdatedAt:O}"));
            stable = parked && snapshot == previous ? stable + 1 : 0;
            previous = snapshot;
            if (stable >= 3)
            {
                return [.. open.Select(i => i.ReadCustomStatusAs<LifecycleWaitStatus>()!.WakeAt).OfType<DateTimeOffset>()];
            }

            await Task.Delay(40, TestContext.Current.CancellationToken);
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
