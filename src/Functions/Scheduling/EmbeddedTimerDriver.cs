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
    private readonly DateTimeOffset _createdAt;

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
        _createdAt = timeProvider.GetUtcNow();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_registry.Timers
            .Where(timer => timer.Job is not null)
            .Select(timer => RunScheduleAsync(timer.Function, timer.Job!, stoppingToken)));

    private async Task RunScheduleAsync(TimerTriggerFunction function, ScheduledJob job, CancellationToken stoppingToken)
    {
        // Schedules count from when the app started, not from when this loop got a thread: an occurrence that fell
        // due in between runs at once, as the host runs a past-due timer once.
        var after = _createdAt;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = function.Schedule.GetNextOccurrence(after, _timeZone);
            var wait = next - _timeProvider.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, stoppingToken);
                }
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

            // Occurrences missed during a long run are skipped, as under the Functions host.
            var now = _timeProvider.GetUtcNow();
            after = now > next ? now : next;
        }
    }
}
