using System.Net.Http.Headers;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Web;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Security;

/// <summary>A real Kestrel app wired with the authentication extensions, keys kept in Azurite.</summary>
internal sealed class SecurityTestApp : IAsyncDisposable
{
    public const string BootstrapKey = "bootstrap-0123456789abcdef0123456789abcdef";
    public const string OfficePath = "/api/test/office";
    public const string UpperLevelPath = "/api/test/upper";

    private readonly WebApplication _app;

    private SecurityTestApp(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.Single());
    }

    public Uri BaseAddress { get; }

    public ApiKeyStore Store => _app.Services.GetRequiredService<ApiKeyStore>();

    public static async Task<SecurityTestApp> StartAsync(
        string storageConnectionString,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["Auth:BootstrapAdminKey"] = BootstrapKey,
        });
        builder.Services.AddSingleton(new TableServiceClient(storageConnectionString, TestStorageOptions.Create().CreateTableClientOptions()));
        builder.Services.AddQuyCheWorkflowWeb();
        builder.Services.AddQuyCheWorkflowAuthentication(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseQuyCheWorkflowWeb();
        app.MapApiKeysApi();
        app.MapGet(OfficePath, (HttpContext context) => context.User.GetOrganisationId())
            .RequireAuthorization(QuyCheWorkflowPolicies.Office);
        app.MapGet(UpperLevelPath, (HttpContext context) => context.User.GetOrganisationId())
            .RequireAuthorization(QuyCheWorkflowPolicies.UpperLevelOffice);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new SecurityTestApp(app);
    }

    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
