namespace QuyCheWorkflow.Durable;

/// <summary>Options of an activity or sub-orchestration call.</summary>
public record TaskOptions
{
    public TaskOptions(RetryPolicy? retry = null) => Retry = retry;

    /// <summary>Gets the retry policy; null means one attempt.</summary>
    public RetryPolicy? Retry { get; init; }
}
