using System.Globalization;
using System.Text;

namespace QuyCheWorkflow.Durable.Bench;

/// <summary>What one bench run measured.</summary>
internal sealed record BenchReport
{
    public required double RawRequestsPerSecond { get; init; }

    public required double MixRequestsPerSecond { get; init; }

    public required double EngineCpuMsPerStep { get; init; }

    public required double MachineBusyDuringChains { get; init; }

    public required int ActivitySteps { get; init; }

    public required double ActivityStepsPerSecond { get; init; }

    public required double RequestsPerActivityStep { get; init; }

    public required int Events { get; init; }

    public required double EventsPerSecond { get; init; }

    public required double RequestsPerEvent { get; init; }

    public required double IdleRequestsPerSecondEmpty { get; init; }

    public required int WaitingInstances { get; init; }

    public required double IdleRequestsPerSecondWaiting { get; init; }

    public required double SchedulingSeconds { get; init; }

    public required long ManagedBytesEmpty { get; init; }

    public required long WorkingSetEmpty { get; init; }

    public required long ManagedBytesWaiting { get; init; }

    public required long WorkingSetWaiting { get; init; }

    public string ToMarkdown()
    {
        var expected = MixRequestsPerSecond / RequestsPerActivityStep;
        var rows = new (string Metric, string Value, string Target, bool? Met)[]
        {
            ("Raw Azurite rate, table insert/read only (8 concurrent; for comparison)", F(RawRequestsPerSecond) + " req/s", "—", null),
            ("Raw Azurite rate, the activity steps' request mix (16 concurrent, as the worker)", F(MixRequestsPerSecond) + " req/s", "—", null),
            ($"Activity steps ({ActivitySteps} = chains × 5)", F(ActivityStepsPerSecond) + $" steps/s = {ActivityStepsPerSecond / expected:P0} of mix ÷ req/step",
                "≥ 60 % of mix ÷ req/step = " + F(0.6 * expected), ActivityStepsPerSecond >= 0.6 * expected),
            ("Storage requests per activity step", F(RequestsPerActivityStep), "≤ 5", RequestsPerActivityStep <= 5),
            ("Engine CPU per activity step / machine busy during the chains", $"{F(EngineCpuMsPerStep)} ms / {MachineBusyDuringChains.ToString("P0", CultureInfo.InvariantCulture)}", "—", null),
            ($"External events ({Events})", F(EventsPerSecond) + " events/s", "—", null),
            ("Storage requests per external event (client + worker)", F(RequestsPerEvent), "—", null),
            ("Idle requests/s, no instances", F(IdleRequestsPerSecondEmpty), "≤ 1", IdleRequestsPerSecondEmpty <= 1),
            ($"Time to schedule and start {WaitingInstances} timer waiters (16 at a time, at most 32 ahead of the worker)", F(SchedulingSeconds) + " s", "—", null),
            ($"Idle requests/s, {WaitingInstances} instances on timers", F(IdleRequestsPerSecondWaiting), "≤ 1", IdleRequestsPerSecondWaiting <= 1),
            ("GC heap / working set, no instances", $"{Mb(ManagedBytesEmpty)} / {Mb(WorkingSetEmpty)}", "—", null),
            ($"GC heap / working set, {WaitingInstances} waiting", $"{Mb(ManagedBytesWaiting)} / {Mb(WorkingSetWaiting)}", "flat (heap growth ≤ 16 MB)", ManagedBytesWaiting - ManagedBytesEmpty <= 16L << 20),
        };
        var text = new StringBuilder();
        text.AppendLine("| Metric | Value | Target | Met |").AppendLine("|---|---|---|---|");
        foreach (var (metric, value, target, met) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {metric} | {value} | {target} | {(met is null ? "—" : met.Value ? "yes" : "NO")} |");
        }

        return text.ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
