namespace QuyCheWorkflow.Bench.Comparison;

/// <summary>
/// What the workload orchestrators report as they run for the first time (never on replay), so that the bench sees
/// completion without reading storage. Thread-safe.
/// </summary>
internal sealed class WorkloadProgress
{
    private int _chainsDone;
    private int _listenersStarted;
    private int _listenersDone;

    public int ChainsDone => Volatile.Read(ref _chainsDone);

    public int ListenersStarted => Volatile.Read(ref _listenersStarted);

    public int ListenersDone => Volatile.Read(ref _listenersDone);

    public void ChainDone() => Interlocked.Increment(ref _chainsDone);

    public void ListenerStarted() => Interlocked.Increment(ref _listenersStarted);

    public void ListenerDone() => Interlocked.Increment(ref _listenersDone);
}
