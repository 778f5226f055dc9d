using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Hosting;

public sealed class TelemetryServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    private const string FakeConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:1/";

    [Fact]
    public async Task Request_ToTheApp_RecordsServerSpanWithoutTheLinkToken()
    {
        var spans = new List<Activity>();
        var token = $"k1.token-{Guid.NewGuid():N}";
        var app = await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                [AppSettings.EmbeddedDrivers] = "false",
                [AppSettings.StorageConnectionString] = azurite.ConnectionString,
            },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        var port = app.BaseAddress.Port;
        await using (app)
        {
            using var client = app.CreateClient();
            using var response = await client.GetAsync(new Uri($"/l/{token}", UriKind.Relative), TestContext.Current.CancellationToken);
        }

        // Stopping the app waited for the request to end, so its span has been exported.
        var span = Assert.Single(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("server.port"), port));
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal(LinkBuilder.RouteTemplate, span.GetTagItem("http.route"));
        Assert.DoesNotContain(span.TagObjects, tag => tag.Value is string value && value.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public void AddQuyCheWorkflowTelemetry_NoConnectionString_RegistersNoAzureMonitorExporter()
    {
        var services = Services(connectionString: null);

        Assert.DoesNotContain(services, IsAzureMonitor);
        Assert.True(AppContext.TryGetSwitch("Azure.Experimental.EnableActivitySource", out var enabled) && enabled);
    }

    [Fact]
    public void AddQuyCheWorkflowTelemetry_WithConnectionString_RegistersAzureMonitor()
    {
        var services = Services(FakeConnectionString);

        Assert.Contains(services, IsAzureMonitor);
    }

    private static ServiceCollection Services(string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TelemetryServiceCollectionExtensions.ApplicationInsightsConnectionString] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging().AddQuyCheWorkflowTelemetry(configuration);
        return services;
    }

    private static bool IsAzureMonitor(ServiceDescriptor descriptor) =>
        new[] { descriptor.ServiceType, descriptor.ImplementationType, descriptor.ImplementationInstance?.GetType() }
            .OfType<Type>()
            .SelectMany(type => type.GetGenericArguments().Prepend(type))
            .Any(type => type.Assembly.GetName().Name!.StartsWith("Azure.Monitor.", StringComparison.Ordinal));
}
