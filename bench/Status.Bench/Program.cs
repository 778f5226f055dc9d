using System.Globalization;
using QuyCheWorkflow.Status.Bench;
using QuyCheWorkflow.Testing;

// Usage: dotnet run -c Release --project bench/Status.Bench [-- <organisations=5000> <calls=100>]
int organisations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
int calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;

await using var azurite = await AzuriteInstance.StartAsync();
await using var bench = await StatusBench.StartAsync(azurite.ConnectionString);
var seeding = await bench.SeedAsync(organisations);
Console.WriteLine($"Seeded {seeding.Organisations} organisations ({seeding.Requests} storage requests) in {seeding.Elapsed.TotalSeconds:0.0} s.");
List<StatusBenchResult> results =
[
    await bench.MeasureAsync("JSON, whole subtree", "/api/status", calls),
    await bench.MeasureAsync("CSV, whole subtree", "/api/status?format=csv", calls),
    await bench.MeasureAsync("JSON, overdue=true (none match)", "/api/status?overdue=true", calls),
    await bench.MeasureAsync("JSON, type=Enterprise (filtered in the app)", "/api/status?type=Enterprise", calls),
];
Console.WriteLine(StatusBench.ToMarkdown(results, seeding.Organisations, calls));
