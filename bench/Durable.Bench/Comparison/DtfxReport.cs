using System.Globalization;
using System.Text;

namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>What one DTFx run of the side-by-side workloads measured.</summary>
internal sealed record DtfxReport
{
    public required string Settings { get; init; }

    public required int ActivitySteps { get; init; }

    public required double ActivityStepsPerSecond { get; init; }

    public required double RequestsPerActivityStep { get; init; }

    public required double CpuMsPerStep { get; init; }

    public required double MachineBusyDuringChains { get; init; }

    public required string ChainRequests { get; init; }

    public required int Events { get; init; }

    public required double EventsPerSecond { get; init; }

    public required double RequestsPerEvent { get; init; }

    public required TimeSpan IdleWarmUp { get; init; }

    public required TimeSpan IdleWindow { get; init; }

    public required double IdleRequestsPerSecond { get; init; }

    public required string IdleRequests { get; init; }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"DTFx + Azure Storage provider, defaults but the work items and the Blob/Queue service version ({Settings}):").AppendLine();
        text.AppendLine("| Metric | Value |").AppendLine("|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Activity steps ({ActivitySteps} = chains × 5) | {F(ActivityStepsPerSecond)} steps/s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Storage requests per activity step (client + worker) | {F(RequestsPerActivityStep)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Process CPU per activity step / machine busy during the chains | {F(CpuMsPerStep)} ms / {MachineBusyDuringChains.ToString("P0", CultureInfo.InvariantCulture)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| External events ({Events}) | {F(EventsPerSecond)} events/s |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Storage requests per external event (client + worker) | {F(RequestsPerEvent)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Idle requests/s, no instances ({IdleWindow.TotalSeconds:0} s after {IdleWarmUp.TotalSeconds:0} s) | {F(IdleRequestsPerSecond)} |");
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Chain requests: {ChainRequests}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Idle requests: {IdleRequests}");
        return text.ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
