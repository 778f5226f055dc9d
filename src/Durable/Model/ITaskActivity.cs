namespace QuyCheWorkflow.Durable;

/// <summary>
/// The untyped shape of an activity, as the engine invokes it. Implemented by
/// <see cref="TaskActivity{TInput, TOutput}"/> and by function-based registrations.
/// </summary>
public interface ITaskActivity
{
    /// <summary>Gets the type the serialized input is converted to.</summary>
    public Type InputType { get; }

    /// <summary>Runs the activity; it runs at least once per call, so it must be idempotent.</summary>
    public Task<object?> RunAsync(TaskActivityContext context, object? input);
}
