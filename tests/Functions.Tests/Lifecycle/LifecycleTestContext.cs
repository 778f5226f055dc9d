using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>
/// The lifecycle commands over the shared Azurite (tables and container unique to one test) with the durable
/// engine in memory on a fake clock. No worker runs here: orchestrations are scheduled but not executed, so
/// these tests see exactly what the commands wrote.
/// </summary>
internal sealed class LifecycleTestContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public LifecycleTestContext(AzuriteFixture azurite)
        : this(azurite, "l" + Guid.NewGuid().ToString("N")[..12], null)
    {
    }

    /// <summary>
    /// A context over the tables of <paramref name="prefix"/> (another context's, to play a second process on the
    /// same state), with <paramref name="storage"/> (e.g. a fault policy) for its storage clients.
    /// </summary>
    public LifecycleTestContext(AzuriteFixture azurite, string prefix, StorageOptions? storage)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        string unique = prefix;
        TableService = azurite.Azurite.CreateTableServiceClient(storage);
        Prefix = unique;
        _services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton(TableService)
            .AddSingleton(azurite.Azurite.CreateBlobServiceClient(storage))
            .Configure<StateOptions>(o =>
            {
                o.TablePrefix = unique;
                o.DocumentsContainer = "documents-" + unique;
            })
            .AddLogging()
            .AddQuyCheWorkflowState()
            .AddQuyCheWorkflowLifecycle()
            .AddDurableTaskClient(builder => builder.UseQuyCheEngine(o => o.Backend = DurableTaskBackendKind.InMemory))
            .BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(TestData.T0);

    public string Prefix { get; }

    public TableServiceClient TableService { get; }

    public RegulationWorkflow Workflow => Get<RegulationWorkflow>();

    public DurableTaskClient Durable => Get<DurableTaskClient>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public TableClient RawTable(string name) => TableService.GetTableClient(Prefix + name);

    /// <summary>A parent (upper level) and a child organisation with a committee of <paramref name="committeeSize"/>.</summary>
    public async Task<Organisation> AddOrganisationAsync(string id = "du-cq", int committeeSize = 5, CancellationToken ct = default)
    {
        var organisations = Get<OrganisationStore>();
        await organisations.CreateAsync(StateTestData.Organisation("duk", null, "ĐUK") with { OfficeEmail = "vanphong@duk.example.vn" }, ct);
        var organisation = StateTestData.Organisation(id, "duk", "ĐU", committeeSize) with { OfficeEmail = "vanphong@" + id + ".example.vn" };
        await organisations.CreateAsync(organisation, ct);
        return organisation;
    }

    public async Task<List<AuditLogEntry>> AuditAsync(string regulationId, CancellationToken ct)
    {
        List<AuditLogEntry> entries = [];
        await foreach (var entry in Get<AuditLog>().ReadAsync(regulationId, ct))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
