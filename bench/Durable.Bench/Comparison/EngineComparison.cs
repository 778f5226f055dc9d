using System.Globalization;
using System.Text;
using QuyCheWorkflow.Durable.Bench;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>The project engine's figures beside DTFx's from the same invocation, on the same Azurite, and their ratios.</summary>
internal static class EngineComparison
{
    public static string ToMarkdown(BenchReport ours, DtfxReport dtfx)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(dtfx);
        var rows = new (string Metric, double Ours, double Dtfx)[]
        {
            ("Activity steps/s", ours.ActivityStepsPerSecond, dtfx.ActivityStepsPerSecond),
            ("Storage requests per activity step", ours.RequestsPerActivityStep, dtfx.RequestsPerActivityStep),
            ("Process CPU ms per activity step", ours.EngineCpuMsPerStep, dtfx.CpuMsPerStep),
            ("External events/s", ours.EventsPerSecond, dtfx.EventsPerSecond),
            ("Storage requests per external event", ours.RequestsPerEvent, dtfx.RequestsPerEvent),
            ("Idle requests/s, no instances", ours.IdleRequestsPerSecondEmpty, dtfx.IdleRequestsPerSecond),
        };
        var text = new StringBuilder();
        text.AppendLine("| Metric | This engine | DTFx | This engine ÷ DTFx |").AppendLine("|---|---|---|---|");
        foreach (var (metric, mine, theirs) in rows)
        {
            var ratio = theirs > 0 ? F(mine / theirs) : "—";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {metric} | {F(mine)} | {F(theirs)} | {ratio} |");
        }

        return text.ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
