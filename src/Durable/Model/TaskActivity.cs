namespace QuyCheWorkflow.Durable;

/// <summary>
/// Base class of an activity: the unit of real work (I/O, clocks, randomness are allowed here). Delivery is
/// at least once, so an activity must tolerate running again with the same input.
/// </summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    Type ITaskActivity.InputType => typeof(TInput);

    /// <summary>The activity's work.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);
}
