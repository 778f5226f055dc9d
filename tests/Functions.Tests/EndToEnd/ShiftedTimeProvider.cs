namespace QuyCheWorkflow.Functions.Tests.EndToEnd;

/// <summary>
/// Real time that a test can move forward in jumps: <see cref="GetUtcNow"/> is the system clock plus the jumps
/// made so far, while timers and delays keep running in real time. So a running app (its queue and timer
/// drivers poll in real time) carries on normally, and a jump of months makes what is due by then due at once,
/// as when a deployment comes back after a long stop.
/// </summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long GetTimestamp() => System.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the clock forward by <paramref name="delta"/>.</summary>
    public void Jump(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, delta.Ticks);
    }
}
