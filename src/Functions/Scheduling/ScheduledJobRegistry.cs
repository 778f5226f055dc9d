using QuyCheWorkflow.Functions.CustomHandler;

namespace QuyCheWorkflow.Functions.Scheduling;

/// <summary>
/// The registered <see cref="ScheduledJob"/>s matched with the timer functions of the <see cref="FunctionCatalog"/>.
/// Built once at start-up, where a job whose schedule disagrees with its function.json stops the app.
/// </summary>
public sealed class ScheduledJobRegistry
{
    private readonly Dictionary<string, ScheduledJob> _jobs;

    public ScheduledJobRegistry(IEnumerable<ScheduledJob> jobs, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(catalog);
        _jobs = new Dictionary<string, ScheduledJob>(StringComparer.OrdinalIgnoreCase);
        foreach (var job in jobs)
        {
            if (!_jobs.TryAdd(job.Name, job))
            {
                throw new InvalidOperationException($"Two scheduled jobs are named '{job.Name}'.");
            }
        }

        var timers = new List<(TimerTriggerFunction, ScheduledJob?)>();
        foreach (var timer in catalog.TimerTriggers)
        {
            var job = _jobs.GetValueOrDefault(timer.Name);
            if (job is not null && !string.Equals(Normalize(job.Schedule), Normalize(timer.Schedule.Expression), StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Scheduled job '{job.Name}' says '{job.Schedule}' but its function.json says '{timer.Schedule}'.");
            }

            timers.Add((timer, job));
        }

        Timers = timers;
        JobsWithoutFunction = _jobs.Values
            .Where(job => !catalog.TimerTriggers.Any(t => string.Equals(t.Name, job.Name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>Every timer function with its job, or null when no job is registered for it (yet).</summary>
    public IReadOnlyList<(TimerTriggerFunction Function, ScheduledJob? Job)> Timers { get; }

    /// <summary>Jobs no function.json declares: they never run under the Functions host.</summary>
    public IReadOnlyList<ScheduledJob> JobsWithoutFunction { get; }

    public ScheduledJob? Find(string name) => _jobs.GetValueOrDefault(name);

    private static string Normalize(string schedule) =>
        string.Join(' ', NCrontabSchedule.Parse(schedule).Expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Runs a job in its own DI scope.</summary>
    public static async Task RunAsync(ScheduledJob job, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        await job.RunAsync(scope.ServiceProvider, cancellationToken);
    }
}
