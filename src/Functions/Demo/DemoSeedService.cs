using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.Demo;

/// <summary>Runs <see cref="DemoSeeder"/> once at start when <c>Demo:Seed</c> is true (the local run script sets it).</summary>
public sealed class DemoSeedService(DemoSeeder seeder, ILogger<DemoSeedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await seeder.SeedAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The app stays up without the demo data; the log says why it is missing.
            Log.DemoSeedFailed(logger, exception);
        }
    }
}
