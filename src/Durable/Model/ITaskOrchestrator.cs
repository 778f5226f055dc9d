namespace QuyCheWorkflow.Durable;

/// <summary>
/// The untyped shape of an orchestrator, as the engine invokes it. Implemented by
/// <see cref="TaskOrchestrator{TInput, TOutput}"/> and by function-based registrations.
/// </summary>
public interface ITaskOrchestrator
{
    /// <summary>Gets the type the serialized input is converted to.</summary>
    public Type InputType { get; }

    /// <summary>Runs the orchestrator; it is replayed from history, so it must be deterministic.</summary>
    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}
