namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// A write lost a race: the ETag it carried is stale (412) or the row it meant to create exists (409).
/// Nothing was changed; reload and retry the command.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
