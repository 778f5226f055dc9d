using Microsoft.AspNetCore.DataProtection;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.CustomHandler;
using QuyCheWorkflow.Functions.Demo;
using QuyCheWorkflow.Functions.Health;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;
using QuyCheWorkflow.Functions.LinkPages;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Scheduling;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Storage;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Hosting;

/// <summary>All of the app's wiring: <c>builder.AddQuyCheWorkflow()</c> then <c>app.MapQuyCheWorkflow()</c>.</summary>
public static class QuyCheWorkflowHostingExtensions
{
    /// <summary>
    /// Chooses where to listen (the Functions host's loopback port, or <c>App:Url</c>) and registers the services.
    /// </summary>
    public static WebApplicationBuilder AddQuyCheWorkflow(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var hosting = HostingModel.From(builder.Configuration);
        builder.WebHost.UseUrls(hosting.ListenUrl);
        builder.Services.AddQuyCheWorkflow(builder.Configuration);
        return builder;
    }

    /// <summary>The data-protection application name: instances that share it (and the key ring) read each other's tokens.</summary>
    public const string DataProtectionApplicationName = "QuyCheWorkflow";

    public static IServiceCollection AddQuyCheWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var hosting = HostingModel.From(configuration);
        services.AddSingleton(hosting);
        services.TryAddSingleton(TimeProvider.System);
        services.AddQuyCheWorkflowWeb();
        services.AddQuyCheWorkflowAuthentication(configuration);
        services.AddQuyCheWorkflowConsole(configuration);
        services.AddQuyCheWorkflowStorage();
        services.AddQuyCheWorkflowMail(configuration);
        services.AddQuyCheWorkflowLinks(configuration);
        services.AddQuyCheWorkflowState();
        AddSharedDataProtection(services);
        services.AddQuyCheWorkflowLifecycle();
        services.AddQuyCheWorkflowLinkPages();
        services.AddQuyCheWorkflowStatus();
        services.AddQuyCheWorkflowOffice(configuration);
        services.AddSingleton<HealthProbe>();
        services.AddQuyCheWorkflowDemo(configuration);
        services.AddQuyCheWorkflowTelemetry(configuration);

        services.AddOptions<FunctionCatalogOptions>();
        services.AddSingleton(sp => FunctionCatalog.Load(
            sp.GetRequiredService<IOptions<FunctionCatalogOptions>>().Value.RootDirectory,
            sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ScheduledJobRegistry>();
        services.AddDurableQueueTriggers();
        services.AddDurableTaskWorker(builder => builder
            .AddTasks(registry => registry.AddLifecycleOrchestrations())
            .UseQuyCheEngine(options => ConfigureDurableTask(options, configuration)));
        services.AddDurableTaskClient(builder => builder.UseQuyCheEngine());

        if (hosting.EmbeddedDriversEnabled)
        {
            services.AddHostedService<EmbeddedTimerDriver>();
            services.AddHostedService<EmbeddedQueueDriver>();
        }

        return services;
    }

    /// <summary>
    /// One data-protection key ring for every instance, in Blob storage: a dashboard cookie or an antiforgery token
    /// issued by one instance is read by any other (Functions scales out; each instance's own key store would make
    /// a vote form fail whenever its POST lands elsewhere).
    /// </summary>
    private static void AddSharedDataProtection(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new DataProtectionKeyRepository(
            sp.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>, sp.GetRequiredService<IOptions<StateOptions>>()));
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<DataProtectionKeyRepository>((options, keys) => options.XmlRepository = keys);
    }

    /// <summary>
    /// The engine runs on the app's storage account through the app's registered service clients (so managed
    /// identity, the service version and the retry policy are those of every other client). Its worker's own queue
    /// loop stays off: the host's queue triggers drive it in Azure and the embedded queue driver does locally, both
    /// through the worker's dispatcher.
    /// </summary>
    private static void ConfigureDurableTask(DurableTaskOptions options, IConfiguration configuration)
    {
        options.Backend = DurableTaskBackendKind.AzureStorage;
        options.EnableEmbeddedWorker = false;
        if (configuration[AppSettings.DurableTaskHubName] is { Length: > 0 } hub)
        {
            options.TaskHubName = hub;
        }

        if (configuration[AppSettings.DurablePartitionCount] is { Length: > 0 } partitions)
        {
            options.PartitionCount = int.Parse(partitions, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Registers a job run on its timer function's schedule (see <see cref="ScheduledJob"/>).</summary>
    public static IServiceCollection AddScheduledJob(
        this IServiceCollection services, string name, string schedule, Func<IServiceProvider, CancellationToken, Task> runAsync)
    {
        ArgumentNullException.ThrowIfNull(services);
        NCrontabSchedule.Parse(schedule);
        return services.AddSingleton(new ScheduledJob(name, schedule, runAsync));
    }

    /// <summary>
    /// Middleware and endpoints: security headers, problem details for the API and readable pages for people,
    /// authentication, antiforgery, the APIs, and the trigger endpoints.
    /// </summary>
    public static WebApplication MapQuyCheWorkflow(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var hosting = app.Services.GetRequiredService<HostingModel>();
        Log.HostingModelChosen(app.Logger, hosting.ListenUrl, hosting.IsCustomHandler, hosting.EmbeddedDriversEnabled);
        ReportScheduledJobs(app);

        app.UseQuyCheWorkflowWeb();
        app.MapHealthApi();
        app.MapApiKeysApi();
        app.MapStatusApi();
        app.MapOfficeApi();
        app.MapAccountsApi();
        app.MapLinkPages();
        app.MapOfficeConsole();
        app.MapFunctionTriggers();
        return app;
    }

    private static void ReportScheduledJobs(WebApplication app)
    {
        var registry = app.Services.GetRequiredService<ScheduledJobRegistry>();
        foreach (var (function, job) in registry.Timers)
        {
            if (job is null)
            {
                Log.TimerFunctionWithoutJob(app.Logger, function.Name);
            }
        }

        foreach (var job in registry.JobsWithoutFunction)
        {
            Log.ScheduledJobWithoutFunction(app.Logger, job.Name);
        }
    }
}
