namespace QuyCheWorkflow.Status.Bench;

/// <summary>
/// The machine's clock moved by an offset the bench sets: time runs at its real pace from wherever the bench put it, so
/// the app's pollers and delays (which wait on the app's clock) keep running, and the bench can jump to a wave's
/// instant. Timers and timestamps are the system's.
/// </summary>
internal sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock so that it reads <paramref name="instant"/> now; it runs on from there.</summary>
    public void JumpTo(DateTimeOffset instant) => Interlocked.Exchange(ref _offsetTicks, (instant - System.GetUtcNow()).Ticks);
}
