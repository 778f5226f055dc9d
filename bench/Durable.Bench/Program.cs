using System.Globalization;
using QuyCheWorkflow.Durable.Bench;
using QuyCheWorkflow.Testing;

// Usage: dotnet run -c Release --project bench/Durable.Bench [-- <chain instances> <waiting instances>]
var chains = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var waiting = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;

await using var azurite = await AzuriteInstance.StartAsync();
var bench = new EngineBench(azurite.ConnectionString);
var report = await bench.RunAsync(chains, waiting);
Console.WriteLine(report.ToMarkdown());
