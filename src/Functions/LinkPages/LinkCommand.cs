using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// One sending of a link page's form: runs its command once per request id (<see cref="RequestLog"/>), as
/// <see cref="Actor"/>, so a form sent twice records once.
/// </summary>
internal sealed class LinkCommand(RequestLog requests, string requestId, string commandName, Actor actor)
{
    public Actor Actor { get; } = actor;

    /// <summary>Runs <paramref name="command"/> unless this request id already ran it.</summary>
    /// <exception cref="RequestInProgressException">The same form is being recorded by another request.</exception>
    public Task RunOnceAsync(Func<Actor, CancellationToken, Task> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return requests.ExecuteOnceAsync(requestId, commandName, async c =>
        {
            await command(Actor, c);
            return true;
        }, cancellationToken);
    }
}
