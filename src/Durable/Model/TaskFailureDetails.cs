namespace QuyCheWorkflow.Durable;

/// <summary>A failure as recorded in history: the error's type name, message and stack, and what caused it.</summary>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Builds failure details from an exception (a <see cref="TaskFailedException"/> nests its cause).</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception switch
        {
            TaskFailedException failed => failed.FailureDetails,
            { InnerException: { } cause } => FromException(cause),
            _ => null,
        };
        return new TaskFailureDetails(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace, inner);
    }

    /// <summary>Whether this failure, or one it wraps, is of the given exception type.</summary>
    public bool IsCausedBy<TException>()
        where TException : Exception =>
        ErrorType == typeof(TException).FullName || (InnerFailure?.IsCausedBy<TException>() ?? false);
}
