namespace QuyCheWorkflow.Functions.Scheduling;

/// <summary>
/// A job run on an NCRONTAB schedule: by the timer-triggered function of the same name under the Functions host,
/// by the embedded timer driver otherwise. Each run gets its own DI scope. A run may be repeated or skipped across
/// restarts and scale-out, so the job must be idempotent and catch up from stored state rather than count runs.
/// </summary>
/// <param name="Name">The timer function's name (its folder under FunctionsHost).</param>
/// <param name="Schedule">The six-field NCRONTAB schedule; must equal the function.json's.</param>
/// <param name="RunAsync">The work.</param>
public sealed record ScheduledJob(string Name, string Schedule, Func<IServiceProvider, CancellationToken, Task> RunAsync);
