using System.Globalization;
using System.Text;

namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// What an open-loop run of vote clicks measured. Latencies are in milliseconds from each click's scheduled start;
/// <see cref="PageP50Ms"/> is until the page was read, <see cref="BallotP50Ms"/> the ballot POST alone.
/// </summary>
internal sealed record VoteClickResult(
    int Clicks,
    double TargetRate,
    double StartRate,
    double VisibleRate,
    double MaxStartLagMs,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double PageP50Ms,
    double BallotP50Ms,
    double PollsPerClick,
    IReadOnlyDictionary<string, int> Errors,
    double RequestsPerClick,
    double ProcessCpuMsPerClick,
    TimeSpan Elapsed)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Clicks} clicks at {TargetRate:0.#}/s, open loop, all ended after {Elapsed.TotalSeconds:0.0} s:");
        text.AppendLine();
        text.AppendLine("| Metric | Value |");
        text.AppendLine("|---|---:|");
        Row(text, "Clicks started per second (target " + TargetRate.ToString("0.#", CultureInfo.InvariantCulture) + ")", $"{StartRate:0.0}");
        Row(text, "Latest start behind schedule", $"{MaxStartLagMs:0} ms");
        Row(text, "Votes made visible per second (over the whole run)", $"{VisibleRate:0.0}");
        Row(text, "Click → visible in status, p50", $"{P50Ms:0} ms");
        Row(text, "p95", $"{P95Ms:0} ms");
        Row(text, "p99", $"{P99Ms:0} ms");
        Row(text, "max", $"{MaxMs:0} ms");
        Row(text, "Page read (from the scheduled start), p50", $"{PageP50Ms:0} ms");
        Row(text, "Ballot POST alone, p50", $"{BallotP50Ms:0} ms");
        Row(text, "Status polls per click until visible", $"{PollsPerClick:0.00}");
        Row(text, "Errors", Errors.Count == 0 ? "0" : string.Join("; ", Errors.Select(e => $"{e.Value} × {e.Key}")));
        Row(text, "Storage requests per click (page, ballot, polls, orchestration)", $"{RequestsPerClick:0.0}");
        Row(text, "Process CPU per click (app, driver and client together)", $"{ProcessCpuMsPerClick:0.0} ms");
        return text.ToString();
    }

    private static void Row(StringBuilder text, string metric, string value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {metric} | {value} |");
}
