namespace QuyCheWorkflow.Domain;

/// <summary>
/// Thrown when a transition method is called in a state that does not allow it. The message always names
/// the object, its current state and the attempted action, e.g.
/// <c>Cannot start a vote: regulation is Drafting.</c> Its code is <see cref="RefusalCode.InvalidTransition"/>.
/// </summary>
public sealed class InvalidTransitionException : DomainException
{
    public InvalidTransitionException()
    {
        Subject = string.Empty;
        CurrentState = string.Empty;
        Action = string.Empty;
    }

    public InvalidTransitionException(string message)
        : base(message)
    {
        Subject = string.Empty;
        CurrentState = string.Empty;
        Action = string.Empty;
    }

    public InvalidTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Subject = string.Empty;
        CurrentState = string.Empty;
        Action = string.Empty;
    }

    /// <param name="subject">What is being changed, in lower case ("regulation", "vote round").</param>
    /// <param name="currentState">The state it is in (usually an enum value's name).</param>
    /// <param name="action">The attempted action as a verb phrase ("start a vote").</param>
    /// <param name="detail">Optional extra explanation appended to the message.</param>
    public InvalidTransitionException(string subject, string currentState, string action, string? detail = null)
        : base(RefusalCode.InvalidTransition, BuildMessage(subject, currentState, action, detail),
            new Dictionary<string, string> { ["subject"] = subject, ["state"] = currentState, ["action"] = action })
    {
        Subject = subject;
        CurrentState = currentState;
        Action = action;
    }

    /// <summary>What was being changed ("regulation", "vote round", ...).</summary>
    public string Subject { get; }

    /// <summary>The state the object was in when the action was refused.</summary>
    public string CurrentState { get; }

    /// <summary>The refused action.</summary>
    public string Action { get; }

    internal static InvalidTransitionException For<TState>(string subject, TState currentState, string action, string? detail = null)
        where TState : struct, Enum
        => new(subject, currentState.ToString(), action, detail);

    private static string BuildMessage(string subject, string currentState, string action, string? detail)
        => detail is null
            ? $"Cannot {action}: {subject} is {currentState}."
            : $"Cannot {action}: {subject} is {currentState}. {detail}";
}
