namespace QuyCheWorkflow.Durable;

/// <summary>One task hub's shared state in a process: its options, its backend and its clock; the client and the worker use the same one.</summary>
internal sealed class DurableTaskEngine(DurableTaskOptions options, IDurableTaskBackend backend, TimeProvider timeProvider)
{
    public DurableTaskOptions Options { get; } = options;

    public IDurableTaskBackend Backend { get; } = backend;

    public TimeProvider TimeProvider { get; } = timeProvider;
}
