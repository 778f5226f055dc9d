using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>The whole app on Azurite with a small upload limit, and helpers to seed organisations and keys.</summary>
internal sealed class OfficeTestApp : IAsyncDisposable
{
    public const long MaxUploadBytes = 64 * 1024;

    private readonly TestApp _app;

    private OfficeTestApp(TestApp app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress => _app.BaseAddress;

    public OrganisationStore Organisations => Services.GetRequiredService<OrganisationStore>();

    public static async Task<OfficeTestApp> StartAsync(string storageConnectionString, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [AppSettings.StorageConnectionString] = storageConnectionString,
            [AppSettings.OfficeMaxUploadBytes] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AppSettings.EmbeddedDrivers] = "false",
        }.Concat(settings ?? new Dictionary<string, string?>()).ToDictionary()));

    /// <summary>A fresh id, so tests sharing one Azurite never meet.</summary>
    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public async Task<Organisation> SeedAsync(string id, string? parentId)
    {
        var organisation = new OrganisationBuilder().WithId(id).WithParent(parentId).WithType(OrganisationType.Agency).WithCommittee(new StandingCommittee([
            new CommitteeMember("m1", "Nguyễn Văn Ân", "an@example.vn", CommitteeRole.Secretary),
            new CommitteeMember("m2", "Trần Thị Bình", "binh@example.vn", CommitteeRole.Member),
        ])).Build();
        await Organisations.CreateAsync(organisation, TestContext.Current.CancellationToken);
        return organisation;
    }

    public async Task<HttpClient> ClientForAsync(ApiRole role, string organisationId)
    {
        var key = await Services.GetRequiredService<ApiKeyStore>().CreateAsync(role, organisationId, null, TestContext.Current.CancellationToken);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Key);
        return client;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
