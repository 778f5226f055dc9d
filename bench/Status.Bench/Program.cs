using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Status.Bench;
using QuyCheWorkflow.Testing;

// Usage: dotnet run -c Release --project bench/Status.Bench [-- <organisations=5000> <calls=100>]
//        dotnet run -c Release --project bench/Status.Bench -- clicks [<clicks per second=50> <seconds=30> <voters per organisation=10>]
//        dotnet run -c Release --project bench/Status.Bench -- regulation-page [<loads=200>]
if (args.Length > 0 && args[0] == "regulation-page")
{
    int loads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
    await using var pageAzurite = await AzuriteInstance.StartAsync();
    await using var pageBench = await StatusBench.StartAsync(pageAzurite.ConnectionString, configureApp: RegulationPageBench.MapBenchSignIn);
    var seeded = Stopwatch.GetTimestamp();
    await RegulationPageBench.SeedAsync(pageBench);
    Console.Error.WriteLine($"Seeded one regulation's history in {Stopwatch.GetElapsedTime(seeded).TotalSeconds:0.0} s; load average {LoadAverage()}.");
    var page = await RegulationPageBench.MeasureAsync(pageBench, loads);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{loads} sequential loads after 3 warm-up loads:"));
    Console.WriteLine();
    Console.WriteLine("| Scenario | p50 ms | p95 ms | max ms | Storage requests per load | Page KB |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {page.Scenario} | {page.P50Ms:0} | {page.P95Ms:0} | {page.MaxMs:0} | {page.RequestsPerCall:0.#} | {page.ResponseBytes / 1024.0:0} |"));
    Console.WriteLine($"Load average after: {LoadAverage()}");
    return;
}

//        dotnet run -c Release --project bench/Status.Bench -- dashboard [<organisations=5000> <calls=100>]
if (args.Length > 0 && args[0] == "dashboard")
{
    await RunDashboardAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100);
    return;
}

//        dotnet run -c Release --project bench/Status.Bench -- campaign [<organisations=5000> <runs=50>]
if (args.Length > 0 && args[0] == "campaign")
{
    await RunCampaignRollUpAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50);
    return;
}

//        dotnet run -c Release --project bench/Status.Bench -- campaign-wave [<organisations=5000> <batch size=100> <batches at once=4> <maildev|sink>]
if (args.Length > 0 && args[0] == "campaign-wave")
{
    await RunCampaignWaveAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4,
        args.Length > 4 ? args[4] : "maildev");
    return;
}

if (args.Length > 0 && args[0] == "clicks")
{
    await RunClicksAsync(
        args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 50,
        args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 30,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10);
    return;
}

int organisations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
int calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;

await using var azurite = await AzuriteInstance.StartAsync();
await using var bench = await StatusBench.StartAsync(azurite.ConnectionString);
var seeding = await bench.SeedAsync(organisations);
Console.WriteLine($"Seeded {seeding.Organisations} organisations ({seeding.Requests} storage requests) in {seeding.Elapsed.TotalSeconds:0.0} s.");
List<StatusBenchResult> results =
[
    await bench.MeasureAsync("JSON, whole subtree", "/api/status", calls),
    await bench.MeasureAsync("CSV, whole subtree", "/api/status?format=csv", calls),
    await bench.MeasureAsync("JSON, overdue=true (none match)", "/api/status?overdue=true", calls),
    await bench.MeasureAsync("JSON, type=Enterprise (filtered in the app)", "/api/status?type=Enterprise", calls),
];
Console.WriteLine(StatusBench.ToMarkdown(results, seeding.Organisations, calls));

// The app runs its embedded queue and timer drivers, so the vote orchestrations run as they do locally; Azurite
// keeps its data in memory (on disk every queue message waits for an fdatasync, see Durable.Bench), and the vote
// e-mails go to a maildev of this run.
static async Task RunClicksAsync(double rate, double seconds, int voters)
{
    const int WarmUpOrganisations = 30;
    const double WarmUpRate = 20;
    int clicks = (int)Math.Round(rate * seconds);
    int organisations = (clicks + voters - 1) / voters;
    Console.Error.WriteLine($"Load average before: {LoadAverage()}");
    await using var azurite = await AzuriteInstance.StartAsync(new AzuriteOptions(InMemoryPersistence: true));
    await using var maildev = await MaildevInstance.StartAsync();
    await using var app = await StatusBench.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
    {
        [AppSettings.EmbeddedDrivers] = "true",
        [AppSettings.MailSmtpPort] = maildev.SmtpPort.ToString(CultureInfo.InvariantCulture),
        [AppSettings.DurableTaskHubName] = "clickbench",
    });
    using var bench = new VoteClickBench(app);
    var started = Stopwatch.GetTimestamp();
    var warmUpLinks = await bench.SeedAsync(WarmUpOrganisations, voters, "wu");
    var links = await bench.SeedAsync(organisations, voters, "du");
    Console.Error.WriteLine($"Seeded {WarmUpOrganisations} + {organisations} organisations with an open vote of {voters + 1} members and {warmUpLinks.Count} + {links.Count} vote links in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
    var quiet = await bench.WaitUntilQuietAsync(requestsPerSecond: 10, limit: TimeSpan.FromMinutes(5));
    Console.Error.WriteLine($"Vote e-mails sent and storage traffic idle after a further {quiet.TotalSeconds:0} s; load average {LoadAverage()}.");

    // A process that has served pages for a while runs them as tier-1 code; the first few hundred requests of a
    // fresh one also pay for the JIT (about half the CPU of a 20 s run). Clicks on organisations of their own come
    // first, then the JIT's queue is given time to drain.
    var warmUp = await bench.RunAsync(warmUpLinks, WarmUpRate);
    await bench.WaitUntilQuietAsync(requestsPerSecond: 10, limit: TimeSpan.FromMinutes(5));
    await Task.Delay(TimeSpan.FromSeconds(5));
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Warm-up: {warmUpLinks.Count} clicks at {WarmUpRate}/s, {warmUp.ProcessCpuMsPerClick:0.0} ms CPU per click; load average {LoadAverage()}."));
    var result = await bench.RunAsync([.. links.Take(clicks)], rate);
    Console.WriteLine(result.ToMarkdown());
    Console.WriteLine($"Load average after: {LoadAverage()}");
}

// The dashboard's first page and a filtered, sorted one, through the status API's paging (the same read the console
// page makes) with the tree kept and with nothing kept, against the read every request made before.
static async Task RunDashboardAsync(int organisations, int calls)
{
    Console.Error.WriteLine($"Load average before: {LoadAverage()}");
    await using var azurite = await AzuriteInstance.StartAsync();
    await using var app = await StatusBench.StartAsync(azurite.ConnectionString);
    var seeding = await app.SeedAsync(organisations);
    Console.Error.WriteLine($"Seeded {seeding.Organisations} organisations ({seeding.Requests} storage requests) in {seeding.Elapsed.TotalSeconds:0.0} s.");
    var bench = new DashboardBench(app, app.Client);
    using var person = await DashboardBench.SignInAsync(app, "tinh-uy");
    var console = new DashboardBench(app, person);
    const string Filtered = "type=Enterprise&sort=Name&order=desc&page=2";
    const string Page = "/van-phong/bang-dieu-khien";
    List<StatusBenchResult> results =
    [
        await bench.MeasureSubtreeReadAsync("tinh-uy", calls),
        await console.MeasureAsync("Console page, first page, nothing kept: the tree read every call", Page, calls, coldTree: true),
        await console.MeasureAsync("Console page, first page", Page, calls),
        await console.MeasureAsync($"Console page, filtered and sorted ({Filtered})", $"{Page}?{Filtered}", calls),
        await console.MeasureAsync("Console table alone (the live refresh's fetch)", $"{Page}/bang", calls),
        await bench.MeasureAsync("API first page (page=1), nothing kept: the tree read every call", "/api/status?page=1", calls, coldTree: true),
        await bench.MeasureAsync("API first page (page=1), tree kept", "/api/status?page=1", calls),
        await bench.MeasureAsync($"API filtered and sorted page ({Filtered}), tree kept", "/api/status?" + Filtered, calls),
        await bench.MeasureAsync("API search (q=cs-05, first page), tree kept", "/api/status?q=cs-05&page=1", calls),
        await bench.MeasureAsync("XLSX of the whole subtree, tree kept", "/api/status?format=xlsx", Math.Max(3, calls / 10)),
    ];
    Console.WriteLine(DashboardBench.ToMarkdown(results, seeding.Organisations, calls));
    Console.WriteLine($"Load average after: {LoadAverage()}");
}

// A campaign of the province's office over its whole subtree, its members' regulations in a mix of stages: the roll-up
// recomputed as the campaign's page, its API and its export pay for it, against two peers of the same run.
static async Task RunCampaignRollUpAsync(int organisations, int runs)
{
    Console.Error.WriteLine($"Load average before: {LoadAverage()}");
    await using var azurite = await AzuriteInstance.StartAsync();
    await using var app = await StatusBench.StartAsync(azurite.ConnectionString);
    var seeding = await app.SeedAsync(organisations, CampaignSeeding.WithOfficeMailbox,
        (organisation, ct) => CampaignSeeding.AddRegulationAsync(app.Services, organisation, ct));
    Console.Error.WriteLine($"Seeded {seeding.Organisations} organisations with their regulations ({seeding.Requests} storage requests) in {seeding.Elapsed.TotalSeconds:0.0} s; load average {LoadAverage()}.");
    var bench = new CampaignBench(app);
    var campaign = await bench.StartAsync("dot-bench");
    var rollUp = await app.Services.GetRequiredService<QuyCheWorkflow.Functions.Campaigns.CampaignRollUps>().ComputeAsync(campaign);
    Console.WriteLine($"Members by state: {CampaignBench.Counts(rollUp)}.");
    string api = "/api/campaigns/" + campaign.Id;
    List<StatusBenchResult> results =
    [
        await bench.MeasureComputeAsync(campaign, runs),
        await bench.MeasureComputeInMemoryAsync(campaign, runs),
        await bench.MeasureApiAsync($"API `GET {api}` (JSON, every member)", api, runs),
        await bench.MeasureApiAsync($"API `GET {api}?state=NotStarted`", api + "?state=NotStarted", runs),
        await bench.MeasureApiAsync($"API `GET {api}/export.xlsx`", api + "/export.xlsx", Math.Max(3, runs / 5)),
        await bench.MeasureOverKeptTreeAsync(campaign, runs),
        await bench.MeasureNaiveAsync(campaign, Math.Max(3, runs / 10)),
    ];
    Console.WriteLine(CampaignBench.ToMarkdown(results, seeding.Organisations));
    Console.WriteLine($"Load average after: {LoadAverage()}");
}

// One reminder wave of a campaign over the province, through the app's campaign orchestration (embedded drivers, as
// locally), mail to a maildev of this run (or an SMTP sink that only counts), Azurite in memory as for the clicks; the app's clock jumps to just before the wave.
static async Task RunCampaignWaveAsync(int organisations, int batchSize, int concurrency, string mailTo)
{
    Console.Error.WriteLine($"Load average before: {LoadAverage()}");
    await using var azurite = await AzuriteInstance.StartAsync(new AzuriteOptions(InMemoryPersistence: true));
    // maildev, the SMTP server the tests use, keeps every message; the sink only counts them.
    await using var maildev = mailTo == "sink" ? null : await MaildevInstance.StartAsync();
    await using var sink = mailTo == "sink" ? SmtpSink.Start() : null;
    int smtpPort = maildev?.SmtpPort ?? sink!.Port;
    Func<CancellationToken, Task<long>> mailsReceived = maildev is not null
        ? async ct => (await maildev.GetEmailsAsync(ct)).Count
        : _ => Task.FromResult(sink!.Messages);
    // Monday 14 December 2026, 10:00 Vietnam time.
    var clock = new ShiftedClock(new DateTimeOffset(2026, 12, 14, 3, 0, 0, TimeSpan.Zero));
    var resources = new StorageResourceCounter(azurite.TablePort, azurite.QueuePort);
    await using var app = await StatusBench.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
    {
        [AppSettings.EmbeddedDrivers] = "true",
        [AppSettings.MailSmtpPort] = smtpPort.ToString(CultureInfo.InvariantCulture),
        [AppSettings.DurableTaskHubName] = "wavebench",
        ["Campaigns:WaveBatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
        ["Campaigns:WaveConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
    }, services =>
    {
        services.AddSingleton<TimeProvider>(clock);
        // No scheduled jobs: the reconciler would start the lifecycle orchestrations of the seeded regulations (every
        // 15 minutes), and on the moved clock they would send months of their own notices during the wave. The wave
        // needs only the queue driver (durable timers are queue messages).
        foreach (var timers in services.Where(d => d.ImplementationType == typeof(QuyCheWorkflow.Functions.Scheduling.EmbeddedTimerDriver)).ToList())
        {
            services.Remove(timers);
        }
        // A durable timer's message is hidden at most as long as a work item's safety net (30 s), so after the clock's
        // jump the parked timer is looked at again within 30 s and re-armed for the exact rest. Shorter would also cut the
        // safety net of activities run inline, and the queue would hand them out a second time while they run.
        services.PostConfigure<QuyCheWorkflow.Durable.DurableTaskOptions>(o => o.MaxMessageDelay = o.MessageVisibilityTimeout);
    }, policies: [resources]);
    var seeding = await app.SeedAsync(organisations, CampaignSeeding.WithOfficeMailbox,
        (organisation, ct) => CampaignSeeding.AddRegulationAsync(app.Services, organisation, ct));
    Console.Error.WriteLine($"Seeded {seeding.Organisations} organisations with their regulations ({seeding.Requests} storage requests) in {seeding.Elapsed.TotalSeconds:0.0} s; load average {LoadAverage()}.");
    var bench = new CampaignWaveBench(app, azurite, mailsReceived, clock, resources);
    var (campaign, wave) = await bench.StartAsync();
    var rollUp = await app.Services.GetRequiredService<QuyCheWorkflow.Functions.Campaigns.CampaignRollUps>().ComputeAsync(campaign);
    var quiet = await bench.WaitUntilQuietAsync(requestsPerSecond: 20, TimeSpan.FromMinutes(3));
    Console.WriteLine($"Campaign {campaign.Id}: deadline {campaign.Deadline:yyyy-MM-dd}, members by state {CampaignBench.Counts(rollUp)}; orchestration parked until wave {wave.Id} at {wave.At:yyyy-MM-dd HH:mm} UTC, traffic idle after {quiet.TotalSeconds:0} s; load average {LoadAverage()}.");
    var result = await bench.RunAsync(campaign, wave);
    Console.WriteLine($"Mail to {(maildev is null ? "an SMTP sink of the bench" : "maildev")}.");
    Console.WriteLine(CampaignWaveBench.ToMarkdown(result, batchSize, concurrency));
    var idle = await bench.WaitUntilQuietAsync(requestsPerSecond: 20, TimeSpan.FromMinutes(3));
    Console.WriteLine($"Until the traffic was idle again ({idle.TotalSeconds:0} s more): {app.Counter.Total} storage requests in all since the jump.");
    Console.WriteLine($"Load average after: {LoadAverage()}");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
