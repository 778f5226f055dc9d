using System.Globalization;
using QuyCheWorkflow.Bench.Comparison;
using QuyCheWorkflow.Durable.Bench;
using QuyCheWorkflow.Testing;

// Usage: dotnet run -c Release --project bench/Durable.Bench [-- <chain instances> <waiting instances> [disk] [dtfx|both]]
// Azurite keeps its data in memory unless "disk" is given: on disk it appends every queue message to one extent
// file at a time with an fdatasync each, so queue sends then measure the disk (and whatever else writes to it).
// "dtfx" runs the same chains, events and idle workloads on DTFx with its Azure Storage provider instead; "both" runs
// DTFx first (before this engine's thousands of timer waiters load Azurite's queues) and then compares the two.
var chains = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var waiting = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var inMemory = !(args.Length > 2 && args[2] == "disk");
var runDtfx = args.Contains("dtfx") || args.Contains("both");
var runOurs = !args.Contains("dtfx");

await using var azurite = await AzuriteInstance.StartAsync(new AzuriteOptions(InMemoryPersistence: inMemory));
Console.Error.WriteLine($"Azurite persistence: {(inMemory ? "memory" : "disk")}");
var dtfx = runDtfx ? await new DtfxBench(azurite.ConnectionString).RunAsync(chains) : null;
if (dtfx is not null)
{
    Console.WriteLine(dtfx.ToMarkdown());
}

if (runOurs)
{
    var bench = new EngineBench(azurite.ConnectionString);
    var report = await bench.RunAsync(chains, waiting);
    Console.WriteLine(report.ToMarkdown());
    if (dtfx is not null)
    {
        Console.WriteLine(EngineComparison.ToMarkdown(report, dtfx));
    }
}
