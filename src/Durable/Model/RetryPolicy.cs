namespace QuyCheWorkflow.Durable;

/// <summary>
/// How a failed activity or sub-orchestration call is retried. The waits between attempts are durable timers,
/// so a retry survives restarts and costs nothing while waiting. The delay before attempt n+1 is
/// <c>FirstRetryInterval × BackoffCoefficient^(n-1)</c>, capped at <see cref="MaxRetryInterval"/>; no attempt
/// starts after <see cref="RetryTimeout"/> has passed since the first one.
/// </summary>
public sealed record RetryPolicy
{
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Gets the total time budget for all attempts; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Gets a filter deciding whether a failure is worth retrying; null retries every failure.</summary>
    public Func<TaskFailureDetails, bool>? HandleFailure { get; init; }

    internal TimeSpan DelayBeforeAttempt(int nextAttempt)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, nextAttempt - 2);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}
