namespace QuyCheWorkflow.Domain;

/// <summary>
/// Base of every rule violation raised by the domain model: an action that the rules of a regulation's
/// lifecycle do not allow in the current state. Argument errors (null, blank, out of range) stay
/// <see cref="ArgumentException"/>s; a <see cref="DomainException"/> means the request was well formed but
/// not allowed, so the app maps it to a 409/422-style answer rather than a 400.
/// <para>
/// Every refusal the domain and the app throw carries a <see cref="RefusalCode"/> and its facts, so the surface can
/// word it for people; the message-only constructors exist for the exception pattern and are not used to refuse.
/// </para>
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

    /// <param name="code">What was refused, for the surface's own wording.</param>
    /// <param name="message">The refusal in English, for logs.</param>
    /// <param name="facts">The values the surface's wording needs (dates as yyyy-MM-dd, names, states).</param>
    public DomainException(RefusalCode code, string message, IReadOnlyDictionary<string, string>? facts = null)
        : this(code, message, facts, null)
    {
    }

    /// <param name="code">What was refused, for the surface's own wording.</param>
    /// <param name="message">The refusal in English, for logs.</param>
    /// <param name="facts">The values the surface's wording needs (dates as yyyy-MM-dd, names, states).</param>
    /// <param name="innerException">What the refusal was found by (e.g. a storage conflict), or null.</param>
    public DomainException(RefusalCode code, string message, IReadOnlyDictionary<string, string>? facts, Exception? innerException)
        : base(message, innerException)
    {
        Code = code;
        Facts = facts ?? new Dictionary<string, string>();
    }

    /// <summary>The refusal's code, or <see cref="RefusalCode.None"/> when only the message describes it.</summary>
    public RefusalCode Code { get; }

    /// <summary>The facts named by <see cref="Code"/>'s documentation.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; } = new Dictionary<string, string>();
}
