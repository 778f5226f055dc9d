using QuyCheWorkflow.Functions.CustomHandler;

namespace QuyCheWorkflow.Functions.Scheduling;

/// <summary>
/// Runs each scheduled job on its function.json schedule when the app runs on its own (no Functions host).
/// Like the host, it computes the next occurrence after each run, so a run that overlaps its next slot skips it,
/// and a failing run is logged and the schedule goes on.
/// </summary>
public sealed class EmbeddedTimerDriver : BackgroundService
{
    private readonly ScheduledJobRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _timeProvider;
    private readonly TimeZoneInfo _timeZone;
    private readonly ILogger<EmbeddedTimerDriver> _logger;

    public EmbeddedTimerDriver(
        ScheduledJobRegistry registry,
        IServiceProvider services,
        TimeProvider timeProvider,
        IConfiguration configuration,
        ILogger<EmbeddedTimerDriver> logger)
    {
        _registry = registry;
        _services = services;
        _timeProvider = timeProvider;
        _timeZone = TimerTimeZone.From(configuration);
        _logger = logger;
    }

    // Each loop runs synchronously up to its first wait, so every timer exists once StartAsync returns.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_registry.Timers
            .Where(timer => timer.Job is not null)
            .Select(timer => RunScheduleAsync(timer.Function, timer.Job!, stoppingToken)));

    private async Task RunScheduleAsync(TimerTriggerFunction function, ScheduledJob job, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = _timeProvider.GetUtcNow();
            var next = function.Schedule.GetNextOccurrence(now, _timeZone);
            try
            {
                await Task.Delay(next - now, _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            Log.ScheduledJobStarting(_logger, job.Name, next);
            try
            {
                await ScheduledJobRegistry.RunAsync(job, _services, stoppingToken);
                Log.ScheduledJobCompleted(_logger, job.Name);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run is logged and the next occurrence still runs, as under the Functions host.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.ScheduledJobFailed(_logger, exception, job.Name);
            }
        }
    }
}
