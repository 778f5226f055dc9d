using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Storage;
using QuyCheWorkflow.Testing;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// The app as Program.cs builds it, on Kestrel and Azurite, with every storage request counted. Seeds a province
/// with blocs of base organisations through the stores (organisation rows, then each status row by
/// <see cref="StatusProjection.RefreshAsync"/>), then calls the status endpoint one call at a time with the
/// province's upper-level key, so the request count of each call is exact.
/// </summary>
internal sealed class StatusBench : IAsyncDisposable
{
    private const string RootId = "tinh-uy";
    private const int BaseOrganisationsPerBloc = 99;

    private readonly WebApplication _app;
    private readonly StorageRequestCounter _counter;
    private readonly HttpClient _client;

    private StatusBench(WebApplication app, StorageRequestCounter counter)
    {
        _app = app;
        _counter = counter;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>The running app's services, for seeding through its own stores and commands.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Counts every storage request the app's clients send.</summary>
    public StorageRequestCounter Counter => _counter;

    /// <summary>A client of the app carrying the province's upper-level API key once <see cref="SeedAsync"/> ran.</summary>
    public HttpClient Client => _client;

    /// <summary>Where the app listens (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress => _client.BaseAddress!;

    /// <summary>Starts the app on <paramref name="storageConnectionString"/>; <paramref name="settings"/> override the bench's own.</summary>
    public static async Task<StatusBench> StartAsync(string storageConnectionString, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null, Action<WebApplication>? configureApp = null,
        IEnumerable<Azure.Core.Pipeline.HttpPipelinePolicy>? policies = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Only errors, on stderr: a failed request in a run should say why.
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Error)
            .AddSimpleConsole(o => o.SingleLine = true).AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Error);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AppSettings.Url] = "http://127.0.0.1:0",
            [AppSettings.StorageConnectionString] = storageConnectionString,
            [AppSettings.StorageServiceVersion] = TestStorageOptions.AzuriteServiceVersion,
            [AppSettings.EmbeddedDrivers] = "false",
            [AppSettings.DurableTaskHubName] = "statusbench",
            [AppSettings.MailTransport] = "Smtp",
            [AppSettings.MailFromAddress] = "van-phong@quyche.example.vn",
            [AppSettings.MailFromName] = "Văn phòng cấp ủy",
            [AppSettings.MailSmtpHost] = "127.0.0.1",
            [AppSettings.MailSmtpPort] = "25",
            [AppSettings.LinksBaseUrl] = "http://127.0.0.1:7071",
            [AppSettings.LinksActiveKeyId] = "bench",
            // A signing key of this run only: the bench signs its own vote links with it.
            ["Links:Keys:bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddQuyCheWorkflow();
        var counter = new StorageRequestCounter();
        builder.Services.AddSingleton(sp =>
        {
            var options = StorageServiceCollectionExtensions.CreateOptions(sp.GetRequiredService<IConfiguration>());
            options.PerRetryPolicies.Add(counter);
            foreach (var policy in policies ?? [])
            {
                options.PerRetryPolicies.Add(policy);
            }

            return options;
        });
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapQuyCheWorkflow();
        configureApp?.Invoke(app);
        await app.StartAsync();
        return new StatusBench(app, counter);
    }

    /// <summary>
    /// Seeds the province; <paramref name="shape"/> changes each organisation before it is stored, and
    /// <paramref name="beforeRefresh"/> runs after it is stored and before its status row is computed (to give it a regulation).
    /// </summary>
    public async Task<SeedingResult> SeedAsync(int organisations, Func<Organisation, Organisation>? shape = null,
        Func<Organisation, CancellationToken, Task>? beforeRefresh = null)
    {
        var store = _app.Services.GetRequiredService<OrganisationStore>();
        var status = _app.Services.GetRequiredService<StatusProjection>();
        var started = Stopwatch.GetTimestamp();
        _counter.Reset();
        List<Organisation> tree = [Organisation(RootId, null, "TU", OrganisationType.TerritorialCommittee)];
        int blocs = Math.Max(1, (organisations - 2 + BaseOrganisationsPerBloc + 1) / (BaseOrganisationsPerBloc + 1));
        for (int b = 1; b <= blocs && tree.Count < organisations; b++)
        {
            string blocId = $"duk-{b:D3}";
            tree.Add(Organisation(blocId, RootId, "ĐUK", OrganisationType.Agency));
            for (int i = 1; i <= BaseOrganisationsPerBloc && tree.Count < organisations; i++)
            {
                tree.Add(Organisation($"{blocId}-cs-{i:D3}", blocId, "ĐU", i % 3 == 0 ? OrganisationType.Enterprise : OrganisationType.PublicServiceUnit));
            }
        }

        // Parents first: a child's path is built from its parent's row.
        foreach (var level in tree.GroupBy(o => o.ParentId is null ? 0 : o.ParentId == RootId ? 1 : 2).OrderBy(g => g.Key))
        {
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (organisation, ct) =>
            {
                var stored = shape?.Invoke(organisation) ?? organisation;
                await store.CreateAsync(stored, ct);
                if (beforeRefresh is not null)
                {
                    await beforeRefresh(stored, ct);
                }

                await status.RefreshAsync(organisation.Id, ct);
            });
        }

        var key = await _app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRole.UpperLevelOffice, RootId, "bench");
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key.Key);
        return new SeedingResult(tree.Count, _counter.Total, Stopwatch.GetElapsedTime(started));
    }

    public async Task<StatusBenchResult> MeasureAsync(string scenario, string path, int calls)
    {
        for (int i = 0; i < 3; i++)
        {
            await CallAsync(path);
        }

        List<double> latencies = [];
        long requests = 0;
        (int Rows, long Bytes) last = default;
        for (int i = 0; i < calls; i++)
        {
            _counter.Reset();
            var started = Stopwatch.GetTimestamp();
            last = await CallAsync(path);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            requests += _counter.Total;
        }

        latencies.Sort();
        return new StatusBenchResult(
            scenario, calls, last.Rows, Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies[^1],
            (double)requests / calls, last.Bytes);
    }

    public static string ToMarkdown(IReadOnlyList<StatusBenchResult> results, int organisations, int calls)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Subtree of {organisations} organisations, {calls} sequential calls per scenario after 3 warm-up calls:");
        text.AppendLine();
        text.AppendLine("| Scenario | Rows returned | p50 ms | p95 ms | max ms | Storage requests per call | Response KB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Rows} | {r.P50Ms:0} | {r.P95Ms:0} | {r.MaxMs:0} | {r.RequestsPerCall:0.#} | {r.ResponseBytes / 1024.0:0} |");
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<(int Rows, long Bytes)> CallAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        }

        int rows = response.Content.Headers.ContentType?.MediaType == "text/csv"
            ? Encoding.UTF8.GetString(body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1
            : JsonDocument.Parse(body).RootElement.GetProperty("count").GetInt32();
        return (rows, body.LongLength);
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static Organisation Organisation(string id, string? parentId, string code, OrganisationType type) => new(
        id,
        $"Đảng bộ {id}",
        OrganisationCode.Parse(code),
        type,
        parentId,
        new Term(2025, 2030),
        new StandingCommittee([new CommitteeMember($"{id}-bt", "Nguyễn Văn An", $"{id}@example.vn", CommitteeRole.Secretary)]));
}
