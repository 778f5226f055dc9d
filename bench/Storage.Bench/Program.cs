using System.Globalization;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Storage.Bench;
using QuyCheWorkflow.Testing;

// Usage: dotnet run -c Release --project bench/Storage.Bench [-- <seconds per scenario> <concurrency>]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 4;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var settings = new ThroughputSettings(concurrency, TimeSpan.FromSeconds(seconds));

await using var azurite = await AzuriteInstance.StartAsync();
var options = new StorageOptions { ServiceVersion = TestStorageOptions.AzuriteServiceVersion };
var results = await StorageThroughput.MeasureAsync(azurite.ConnectionString, options, settings);
Console.WriteLine(StorageThroughput.ToMarkdown(results, settings));
