using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// A campaign's roll-up over the seeded province (<see cref="StatusBench.SeedAsync"/> with <see cref="CampaignSeeding"/>):
/// each scenario is run one at a time after warm-up runs, with the app's storage requests counted per run.
/// </summary>
internal sealed class CampaignBench(StatusBench bench)
{
    public const string OfficeId = "tinh-uy";

    /// <summary>Starts a campaign of the province's office over its whole subtree, through the command the API calls.</summary>
    public async Task<Campaign> StartAsync(string id, CancellationToken cancellationToken = default)
    {
        var office = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "bench"),
                new Claim(QuyCheWorkflowClaimTypes.Role, nameof(ApiRole.UpperLevelOffice)),
                new Claim(QuyCheWorkflowClaimTypes.Organisation, OfficeId),
            ],
            "bench", ClaimTypes.NameIdentifier, QuyCheWorkflowClaimTypes.Role));
        var today = DateOnly.FromDateTime(bench.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var request = new StartCampaign(id, OfficeId, "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030",
            new CampaignRequirement(CampaignRequirementKind.IssueForCurrentTerm), today.AddDays(45), [], today.AddDays(90),
            new DirectingDocument("125-CV/TU", today.AddDays(-3)));
        return await bench.Services.GetRequiredService<CampaignWorkflow>().StartAsync(office, new Actor("bench", "Văn phòng Tỉnh ủy", "bench"), request, cancellationToken)
            ?? throw new InvalidOperationException("The province's office could not start the campaign.");
    }

    /// <summary>The roll-up as the campaign page's service computes it: the office's path and its subtree's status rows.</summary>
    public Task<StatusBenchResult> MeasureComputeAsync(Campaign campaign, int runs)
    {
        var rollUps = bench.Services.GetRequiredService<CampaignRollUps>();
        return MeasureAsync("`CampaignRollUps.ComputeAsync` (storage read and roll-up)", runs, 3, async () =>
        {
            var rollUp = await rollUps.ComputeAsync(campaign);
            return (rollUp.Members.Count, 0);
        });
    }

    /// <summary>The roll-up alone over rows already read: the part of a recompute that is not storage.</summary>
    public async Task<StatusBenchResult> MeasureComputeInMemoryAsync(Campaign campaign, int runs)
    {
        var rows = await bench.Services.GetRequiredService<StatusProjection>().QuerySubtreeAsync(OfficeId);
        var at = bench.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return await MeasureAsync("`CampaignRollUps.Compute` over the rows already read (no storage)", runs, 3,
            () => Task.FromResult((CampaignRollUps.Compute(campaign, rows, at).Members.Count, 0L)));
    }

    /// <summary>The roll-up over the tree the dashboard keeps in memory (<see cref="StatusProjection.ReadTreeAsync"/>).</summary>
    public Task<StatusBenchResult> MeasureOverKeptTreeAsync(Campaign campaign, int runs)
    {
        var projection = bench.Services.GetRequiredService<StatusProjection>();
        var organisations = bench.Services.GetRequiredService<OrganisationStore>();
        var clock = bench.Services.GetRequiredService<TimeProvider>();
        return MeasureAsync("Peer: the same roll-up over the dashboard's kept tree (path read, rows from memory)", runs, 3, async () =>
        {
            string path = (await organisations.GetPathAsync(campaign.OfficeOrganisationId))!;
            var tree = await projection.ReadTreeAsync(path.Split('|')[0]);
            return (CampaignRollUps.Compute(campaign, tree.Subtree(path), clock.GetUtcNow()).Members.Count, 0);
        });
    }

    /// <summary>
    /// A recompute that does not trust the status rows: the subtree's organisations read level by level from the
    /// organisation store, then each one's regulations (16 at a time), the current one chosen as the status refresh
    /// chooses it, and its facts given to <see cref="Campaign.ComplianceOf"/>.
    /// </summary>
    public Task<StatusBenchResult> MeasureNaiveAsync(Campaign campaign, int runs)
    {
        var organisations = bench.Services.GetRequiredService<OrganisationStore>();
        var regulations = bench.Services.GetRequiredService<RegulationStore>();
        var clock = bench.Services.GetRequiredService<TimeProvider>();
        return MeasureAsync("Peer: naive recompute reading every organisation and its regulations (16 reads at a time)", runs, 1, async () =>
        {
            var now = clock.GetUtcNow();
            var today = Domain.Calendar.VietnamTime.DateOf(now);
            List<Organisation> members = [];
            List<string> level = [campaign.OfficeOrganisationId];
            while (level.Count > 0)
            {
                List<string> next = [];
                foreach (string parent in level)
                {
                    var children = await organisations.ListChildrenAsync(parent);
                    members.AddRange(children);
                    next.AddRange(children.Select(c => c.Id));
                }

                level = next;
            }

            var states = new CampaignComplianceState[members.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, members.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var organisation = members[i];
                List<Regulation> own = [];
                await foreach (var loaded in regulations.ListByOrganisationAsync(organisation.Id, ct))
                {
                    own.Add(Regulation.FromState(loaded.Value));
                }

                var compliance = RegulationCompliance.Evaluate(organisation, own, now);
                var current = own.FirstOrDefault(r => r.Id == compliance.RegulationId);
                states[i] = campaign.ComplianceOf(new CampaignFacts(organisation.Type, organisation.CurrentTerm, current?.Stage,
                    current?.CurrentIssuance?.IssueDate, current?.CurrentIssuance?.Number.Symbol, LastReviewDate: current?.LastReviewDate), today).State;
            });
            return (members.Count(m => campaign.Covers(m.Type)), 0);
        });
    }

    /// <summary>An API call with the province's key (the key's check is one request of each call).</summary>
    public Task<StatusBenchResult> MeasureApiAsync(string scenario, string path, int runs) =>
        MeasureAsync(scenario, runs, 3, async () =>
        {
            using var response = await bench.Client.GetAsync(path);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
            }

            int rows = response.Content.Headers.ContentType?.MediaType == "application/json"
                ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("members").GetArrayLength()
                : -1;
            return (rows, body.LongLength);
        });

    public static string Counts(CampaignRollUp rollUp) => string.Join(", ",
        CampaignRollUp.StateOrder.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s} {rollUp.Counts[s]}")));

    public static string ToMarkdown(IReadOnlyList<StatusBenchResult> results, int organisations)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Campaign over a subtree of {organisations} organisations, one run at a time after warm-up runs:");
        text.AppendLine();
        text.AppendLine("| Scenario | Runs | Members | p50 ms | p95 ms | max ms | Storage requests per run | Response KB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Calls} | {(r.Rows < 0 ? "—" : r.Rows.ToString(CultureInfo.InvariantCulture))} | {Ms(r.P50Ms)} | {Ms(r.P95Ms)} | {Ms(r.MaxMs)} | {r.RequestsPerCall:0.#} | {r.ResponseBytes / 1024.0:0} |");
        }

        return text.ToString();
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private async Task<StatusBenchResult> MeasureAsync(string scenario, int runs, int warmUps, Func<Task<(int Rows, long Bytes)>> run)
    {
        for (int i = 0; i < warmUps; i++)
        {
            await run();
        }

        List<double> latencies = [];
        long requests = 0;
        (int Rows, long Bytes) last = default;
        for (int i = 0; i < runs; i++)
        {
            bench.Counter.Reset();
            var started = Stopwatch.GetTimestamp();
            last = await run();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            requests += bench.Counter.Total;
        }

        latencies.Sort();
        return new StatusBenchResult(scenario, runs, last.Rows, StatusBench.Percentile(latencies, 0.50), StatusBench.Percentile(latencies, 0.95),
            latencies[^1], (double)requests / runs, last.Bytes);
    }
}
