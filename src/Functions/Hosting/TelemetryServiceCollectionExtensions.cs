using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace QuyCheWorkflow.Functions.Hosting;

/// <summary>Traces, metrics and logs through OpenTelemetry, exported to Azure Monitor when Application Insights is set.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Set by the infrastructure (and read by the Functions host too); unset locally, where nothing is exported.</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The engine's spans (one per orchestration episode and per activity) and its meter, if it has one.</summary>
    public const string DurableActivitySourceName = QuyCheWorkflow.Durable.DurableTelemetry.ActivitySourceName;

    /// <summary>Every Azure SDK client's activity source.</summary>
    public const string AzureSdkActivitySources = "Azure.*";

    // The Azure SDK emits through ActivitySource only behind this switch; it is read once, when the first client is made.
    private const string AzureSdkActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>
    /// Registers OpenTelemetry: server spans of every request, client spans of every HttpClient call, the Azure SDK's
    /// and the engine's spans, ASP.NET Core and HttpClient metrics, and logs. With
    /// <see cref="ApplicationInsightsConnectionString"/> set, the Azure Monitor distro exports all three (and brings
    /// the ASP.NET Core and HttpClient instrumentation itself); without it no exporter is registered.
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AppContext.SetSwitch(AzureSdkActivitySourceSwitch, true);
        var telemetry = services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(AzureSdkActivitySources, DurableActivitySourceName)
                .AddProcessor(new LinkTokenRedactionProcessor()))
            .WithMetrics(metrics => metrics.AddMeter(DurableActivitySourceName))
            .WithLogging();
        if (!string.IsNullOrWhiteSpace(configuration[ApplicationInsightsConnectionString]))
        {
            telemetry.UseAzureMonitor();
        }
        else
        {
            // Not beside UseAzureMonitor: the distro adds these itself, and a second subscription would double the work.
            telemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }

        return services;
    }
}
