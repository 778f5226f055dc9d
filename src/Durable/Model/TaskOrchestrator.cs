namespace QuyCheWorkflow.Durable;

/// <summary>
/// Base class of an orchestrator. <see cref="RunAsync"/> is replayed from history every time the orchestration
/// wakes up, so it must be deterministic: read time through <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>,
/// make GUIDs with <see cref="TaskOrchestrationContext.NewGuid"/>, do I/O only in activities, and never use
/// <c>ConfigureAwait(false)</c>, <c>Task.Run</c> or <c>Task.Delay</c>.
/// </summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    Type ITaskOrchestrator.InputType => typeof(TInput);

    /// <summary>The orchestration's logic.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);
}
