using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// One reminder wave of a campaign over the seeded province, sent by the app's own campaign orchestration with its
/// embedded queue and timer drivers, mail to a maildev of this run or to an <see cref="SmtpSink"/>. The app's clock is a <see cref="ShiftedClock"/>: the
/// campaign is started, the orchestration parks until its first wave, the storage traffic settles, and the clock jumps
/// to a minute before the wave's instant and runs on. From the instant the bench counts the app's storage requests (by
/// operation and by resource) and the process's CPU, and watches the ledger's wave row through a client of its own (not
/// counted) until the wave is recorded as completed. The ledger's instants are on the app's clock, which runs at real
/// pace, so a notice's instant minus the wave's is real time elapsed.
/// </summary>
internal sealed class CampaignWaveBench(
    StatusBench app, AzuriteInstance azurite, Func<CancellationToken, Task<long>> mailsReceived, ShiftedClock clock, StorageResourceCounter resources)
{
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan s_lead = TimeSpan.FromSeconds(60);

    public async Task<(Campaign Campaign, CampaignWave Wave)> StartAsync(CancellationToken cancellationToken = default)
    {
        var campaign = await new CampaignBench(app).StartAsync("dot-wave", cancellationToken);
        var wave = campaign.NextWaveAfter(clock.GetUtcNow(), app.Services.GetRequiredService<PublicHolidayCalendar>())
            ?? throw new InvalidOperationException("The campaign has no wave to come.");
        var orchestrations = app.Services.GetRequiredService<CampaignOrchestrations>();
        var watch = Stopwatch.StartNew();
        while ((await orchestrations.GetAsync(campaign.Id, cancellationToken))?.SerializedCustomStatus?.Contains("campaign wave", StringComparison.Ordinal) != true)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("The campaign's orchestration did not park until its first wave.");
            }

            await Task.Delay(200, cancellationToken);
        }

        return (campaign, wave);
    }

    public async Task<TimeSpan> WaitUntilQuietAsync(double requestsPerSecond, TimeSpan limit, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        int quietSeconds = 0;
        while (quietSeconds < 3 && Stopwatch.GetElapsedTime(started) < limit)
        {
            long before = app.Counter.Total;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            quietSeconds = app.Counter.Total - before <= requestsPerSecond ? quietSeconds + 1 : 0;
        }

        return Stopwatch.GetElapsedTime(started);
    }

    public async Task<CampaignWaveResult> RunAsync(Campaign campaign, CampaignWave wave, CancellationToken cancellationToken = default)
    {
        var table = azurite.CreateTableServiceClient().GetTableClient(CampaignNoticeLedger.TableName);
        long mailsBefore = await mailsReceived(cancellationToken);
        using var process = Process.GetCurrentProcess();
        // The clock first jumps to a minute before the wave: within 30 s the parked timer is looked at again and re-armed
        // for the rest, so it fires at the wave's instant as it would on the real clock. Meanwhile the traffic of an app
        // with nothing to do (the drivers' polling, the parked timer) is measured: part of every second of the wave too.
        clock.JumpTo(wave.At - s_lead);
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        app.Counter.Reset();
        await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
        double idlePerSecond = app.Counter.Total / 20.0;
        var untilWave = wave.At - clock.GetUtcNow();
        if (untilWave > TimeSpan.Zero)
        {
            await Task.Delay(untilWave, cancellationToken);
        }

        app.Counter.Reset();
        resources.Reset();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        TableEntity? record = null;
        while (record?.GetDateTimeOffset("CompletedAt") is null)
        {
            if (Stopwatch.GetElapsedTime(started) > s_limit)
            {
                throw new TimeoutException($"Wave {wave.Id} not completed after {s_limit}.");
            }

            await Task.Delay(100, cancellationToken);
            try
            {
                var found = await table.GetEntityIfExistsAsync<TableEntity>(campaign.Id, "!wave|" + wave.Id, cancellationToken: cancellationToken);
                record = found.HasValue ? found.Value : null;
            }
            catch (AggregateException)
            {
                // The emulator did not answer the bench's own look in time (it is busy with the wave): look again.
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var operations = app.Counter.Snapshot();
        var byResource = resources.Snapshot();

        List<TableEntity> notices = [];
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {campaign.Id} and RowKey ge {wave.Id + "|"} and RowKey lt {wave.Id + "}"}"),
            cancellationToken: cancellationToken))
        {
            notices.Add(entity);
        }

        var sent = notices.Where(n => n.GetString("Status") == "Sent").ToList();
        long mails = await mailsReceived(cancellationToken) - mailsBefore;
        return new CampaignWaveResult(
            wave.Id,
            record.GetInt32("Members") ?? 0,
            record.GetInt32("Planned") ?? 0,
            sent.Count,
            notices.Count - sent.Count,
            sent.Select(n => n.GetString("OrganisationId")).Distinct(StringComparer.Ordinal).Count(),
            mails,
            notices.Count == 0 ? null : notices.Min(n => n.GetDateTimeOffset("ClaimedAt")!.Value) - wave.At,
            sent.Count == 0 ? null : sent.Max(n => n.GetDateTimeOffset("SentAt")!.Value) - wave.At,
            record.GetDateTimeOffset("CompletedAt")!.Value - wave.At,
            elapsed,
            idlePerSecond,
            cpu,
            operations,
            byResource);
    }

    public static string ToMarkdown(CampaignWaveResult r, int batchSize, int concurrency)
    {
        var text = new StringBuilder();
        long total = r.Operations.Values.Sum();
        long Service(string prefix) => r.Operations.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(o => o.Value);
        string Seconds(TimeSpan? span) => span is { } s ? s.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "—";
        text.AppendLine(CultureInfo.InvariantCulture, $"Wave {r.WaveId}, batches of {batchSize}, {concurrency} at once:");
        text.AppendLine();
        text.AppendLine("| Members | Planned (not done) | Notices sent | Not sent (pending/uncertain) | Organisations mailed | Mails received | First claim s | Last notice sent s | Wave completed s | Storage requests (tables / queues / blobs) | Requests per notice | CPU s |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {r.Members} | {r.Planned} | {r.Sent} | {r.NotSent} | {r.Organisations} | {r.Mails} | {Seconds(r.FirstClaim)} | {Seconds(r.LastSent)} | {Seconds(r.Completed)} | {total} ({Service("table.")} / {Service("queue.")} / {Service("blob.")}; other {total - Service("table.") - Service("queue.") - Service("blob.")}) | {(r.Sent == 0 ? 0 : (double)total / r.Sent):0.00} | {r.Cpu.TotalSeconds:0.0} |");
        text.AppendLine();
        text.AppendLine("Storage requests by operation: " + string.Join(", ", r.Operations.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        text.AppendLine();
        text.AppendLine("By resource and method: " + string.Join(", ", r.Resources.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Bench's own wall time from the wave's instant to seeing the completion: {r.Elapsed.TotalSeconds:0.0} s; the idle app's traffic in 20 s before the wave: {r.IdleRequestsPerSecond:0.0} requests/s.");
        return text.ToString();
    }
}
