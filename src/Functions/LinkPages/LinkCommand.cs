using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// One sending of a link page's form: runs its command once per request id (<see cref="RequestLog"/>), as
/// <see cref="Actor"/>, so a form sent twice records once. A form sent again after the process died mid-command
/// first has the pending command tails of the link's regulation carried out, so it gets the first run's outcome.
/// </summary>
internal sealed class LinkCommand(RequestLog requests, RegulationWorkflow workflow, string regulationId, string requestId, string commandName, Actor actor)
{
    public Actor Actor { get; } = actor with { RequestId = requestId };

    /// <summary>Runs <paramref name="command"/> unless this request id already ran it, and returns what the first run returned.</summary>
    /// <exception cref="RequestInProgressException">The same form is being recorded by another request.</exception>
    public Task<T> RunOnceAsync<T>(Func<Actor, CancellationToken, Task<T>> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return requests.ExecuteOnceAsync(requestId, commandName, c => command(Actor, c), RecoverAsync, cancellationToken);
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        if (await workflow.FindOrganisationIdAsync(regulationId, cancellationToken) is { } organisationId)
        {
            await workflow.CompletePendingTailsAsync(organisationId, regulationId, cancellationToken);
        }
    }
}
