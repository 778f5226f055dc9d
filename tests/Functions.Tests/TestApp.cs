using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests;

/// <summary>
/// The app as Program.cs builds it, on real Kestrel, with settings given in memory (never through the process
/// environment, so tests can run side by side).
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app)
    {
        _app = app;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.Single());
    }

    /// <summary>Valid settings for every part, so a test states only what it is about.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        [AppSettings.Url] = "http://127.0.0.1:0",
        [AppSettings.StorageServiceVersion] = TestStorageOptions.AzuriteServiceVersion,
        [AppSettings.MailTransport] = "Smtp",
        [AppSettings.MailFromAddress] = "van-phong@quyche.example.vn",
        [AppSettings.MailFromName] = "Văn phòng cấp ủy",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = "25",
        [AppSettings.LinksBaseUrl] = "http://127.0.0.1:7071",
        [AppSettings.LinksActiveKeyId] = "test",
        ["Links:Keys:test"] = Convert.ToBase64String(new byte[32]),
    };

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app. Without a custom-handler port it listens on a free loopback port.</summary>
    public static async Task<TestApp> StartAsync(
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(Defaults.Where(d => !settings.ContainsKey(d.Key)).Concat(settings));
        builder.AddQuyCheWorkflow();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            app.MapQuyCheWorkflow();
            await app.StartAsync(TestContext.Current.CancellationToken);
            return new TestApp(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
