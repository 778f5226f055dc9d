using System.Globalization;
using QuyCheWorkflow.Durable.Bench;
using QuyCheWorkflow.Testing;

// Usage: dotnet run -c Release --project bench/Durable.Bench [-- <chain instances> <waiting instances> [disk]]
// Azurite keeps its data in memory unless "disk" is given: on disk it appends every queue message to one extent
// file at a time with an fdatasync each, so queue sends then measure the disk (and whatever else writes to it).
var chains = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var waiting = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var inMemory = !(args.Length > 2 && args[2] == "disk");

await using var azurite = await AzuriteInstance.StartAsync(new AzuriteOptions(InMemoryPersistence: inMemory));
Console.Error.WriteLine($"Azurite persistence: {(inMemory ? "memory" : "disk")}");
var bench = new EngineBench(azurite.ConnectionString);
var report = await bench.RunAsync(chains, waiting);
Console.WriteLine(report.ToMarkdown());
