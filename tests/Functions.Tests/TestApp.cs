using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.Hosting;

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
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { [AppSettings.Url] = "http://127.0.0.1:0" }.Concat(settings));
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
