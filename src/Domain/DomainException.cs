namespace QuyCheWorkflow.Domain;

/// <summary>
/// Base of every rule violation raised by the domain model: an action that the rules of a regulation's
/// lifecycle do not allow in the current state. Argument errors (null, blank, out of range) stay
/// <see cref="ArgumentException"/>s; a <see cref="DomainException"/> means the request was well formed but
/// not allowed, so the app maps it to a 409/422-style answer rather than a 400.
/// </summary>
public class DomainException : Exception
{
    public DomainException()
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
