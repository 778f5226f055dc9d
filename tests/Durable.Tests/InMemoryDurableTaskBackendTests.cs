namespace QuyCheWorkflow.Durable.Tests;

/// <summary>The shared engine semantics on the in-memory backend.</summary>
public sealed class InMemoryDurableTaskBackendTests : DurableTaskEngineTests
{
    protected override TimeSpan IdlePause => TimeSpan.Zero;

    protected override void ConfigureBackend(DurableTaskOptions options) => options.Backend = DurableTaskBackendKind.InMemory;
}
