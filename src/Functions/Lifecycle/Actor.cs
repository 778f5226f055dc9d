namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>Who acts, for the audit log: an office clerk, a link holder, or the system.</summary>
/// <param name="Id">User, member, recipient or organisation id; "system" for the app itself.</param>
/// <param name="Display">The name as shown to people.</param>
/// <param name="Origin">"api", "link" or "system", plus the client IP when known.</param>
public sealed record Actor(string Id, string Display, string Origin)
{
    /// <summary>
    /// The idempotent request this actor's command runs under (<see cref="QuyCheWorkflow.Functions.State.RequestLog"/>),
    /// or null. The command's tail marks it done, so a retry after a crash gets the first run's outcome.
    /// </summary>
    public string? RequestId { get; init; }
}
