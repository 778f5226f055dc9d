namespace QuyCheWorkflow.Durable.Tests;

/// <summary>
/// The shared engine semantics on the in-memory backend, with every activity going through the work-item queue (the
/// Azure Storage run covers the in-process shortcut).
/// </summary>
public sealed class InMemoryDurableTaskBackendTests : DurableTaskEngineTests
{
    protected override TimeSpan IdlePause => TimeSpan.Zero;

    protected override void ConfigureBackend(DurableTaskOptions options)
    {
        options.Backend = DurableTaskBackendKind.InMemory;
        options.InlineActivityBudget = 0;
    }
}
