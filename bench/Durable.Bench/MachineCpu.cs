using System.Globalization;

namespace QuyCheWorkflow.Durable.Bench;

/// <summary>The machine's CPU counters from /proc/stat (all cores, in clock ticks), to tell how busy it was.</summary>
internal sealed record MachineCpu(long Busy, long Total)
{
    public static MachineCpu Read()
    {
        if (!File.Exists("/proc/stat"))
        {
            return new MachineCpu(0, 0);
        }

        // "cpu  user nice system idle iowait irq softirq steal ..."
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Take(8).Sum();
        var idle = ticks[3] + ticks[4];
        return new MachineCpu(total - idle, total);
    }

    /// <summary>The share of all cores' time spent busy since <paramref name="earlier"/> (0..1).</summary>
    public double BusySince(MachineCpu earlier)
    {
        var total = Total - earlier.Total;
        return total <= 0 ? 0 : (Busy - earlier.Busy) / (double)total;
    }
}
