namespace QuyCheWorkflow.Durable;

/// <summary>How the engine records an exception in history.</summary>
internal static class FailureDetails
{
    /// <summary>
    /// The exception's type name, message and stack, nesting what caused it: for a <see cref="TaskFailedException"/>
    /// the failed task's own details (so an orchestration failed by an activity shows the activity's error as its
    /// inner failure), otherwise the inner exception.
    /// </summary>
    public static TaskFailureDetails From(Exception exception)
    {
        var inner = exception switch
        {
            TaskFailedException failed => failed.FailureDetails,
            { InnerException: { } cause } => From(cause),
            _ => null,
        };
        return new TaskFailureDetails(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace, inner, null);
    }
}
