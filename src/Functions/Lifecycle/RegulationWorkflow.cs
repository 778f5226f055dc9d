using System.Globalization;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// The commands of a regulation's lifecycle. Every command loads what it changes, applies the domain
/// transition and saves one row under the ETag it loaded with (reloading and retrying when another writer won),
/// and in that same write states its tail (<see cref="Tails.CommandTail"/>): the rows it creates, its audit
/// entries, follow-up commands on other rows, the organisation's status refresh and the orchestration wake-ups.
/// The command then carries its tail out; if the process dies first, whoever finds the tail pending carries it
/// out (the next command on that row, a retried request, the reconciler), so a crash at any point leaves the
/// audit chain and the status row complete once recovered. A refused transition throws before anything is saved.
/// Singleton, thread-safe.
/// <para>
/// When a command changes the regulation and creates a stage object, the regulation is the row written: its ETag
/// serialises commands on one regulation, so the loser of a race reloads, sees the new stage and is refused
/// before it writes anything, and the stage row (with an id derived from the regulation: consultation-1, vote-2,
/// ...) is created by the tail.
/// </para>
/// </summary>
public sealed partial class RegulationWorkflow(
    LifecycleStores stores,
    LifecycleOrchestrations orchestrations,
    TimeProvider timeProvider,
    ILogger<RegulationWorkflow> logger)
{
    // Each attempt that loses a race means another one won, so a whole standing committee casting at the same
    // instant (rarely more than 20 members) gets through; an attempt is a read and a conditional write.
    private const int MaxAttempts = 32;

    /// <summary>Starts a regulation of <paramref name="organisationId"/> for its current term.</summary>
    /// <exception cref="LifecycleNotFoundException">The organisation does not exist.</exception>
    /// <exception cref="QuyCheWorkflow.Domain.DomainException">The id is taken.</exception>
    public async Task<RegulationState> CreateRegulationAsync(string organisationId, string regulationId, string title,
        ReviewSchedule? schedule, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var organisation = await LoadOrganisationAsync(organisationId, cancellationToken);
        Regulation regulation = new(regulationId, organisationId, organisation.CurrentTerm, title, schedule, timeProvider.GetUtcNow());
        var tail = Tail(organisationId, actor).Audit(regulationId, AuditAction.RegulationCreated, [regulationId, organisationId],
            new { title, term = regulation.Term.ToString(), cadenceMonths = regulation.ReviewSchedule.CadenceMonths });
        await AddNewRegulationAsync(regulation, tail, cancellationToken);
        return regulation.ToState();
    }

    /// <summary>
    /// Reserves the id and writes the new regulation's row with its tail, then carries the tail out: one write, so
    /// the row is whole or absent.
    /// </summary>
    private async Task AddNewRegulationAsync(Regulation regulation, Tails.TailBuilder tail, CancellationToken cancellationToken)
    {
        if (!await stores.Index.ReserveAsync(regulation.Id, regulation.OrganisationId, cancellationToken))
        {
            throw new QuyCheWorkflow.Domain.DomainException(QuyCheWorkflow.Domain.RefusalCode.RegulationIdTaken, $"Regulation id '{regulation.Id}' belongs to another organisation.",
                new Dictionary<string, string> { ["regulationId"] = regulation.Id });
        }

        PendingTail written;
        try
        {
            written = await stores.Regulations.AddAsync(regulation.ToState(), tail.Build(regulation.ToState()), cancellationToken);
        }
        catch (ConcurrencyConflictException exception)
        {
            throw new QuyCheWorkflow.Domain.DomainException(QuyCheWorkflow.Domain.RefusalCode.RegulationIdTaken, $"Regulation '{regulation.Id}' already exists.",
                new Dictionary<string, string> { ["regulationId"] = regulation.Id }, exception);
        }

        await CompleteAsync(written, cancellationToken);
    }

    /// <summary>The organisation a regulation belongs to, or null when no such regulation was ever created.</summary>
    public Task<string?> FindOrganisationIdAsync(string regulationId, CancellationToken cancellationToken = default) =>
        stores.Index.FindAsync(regulationId, cancellationToken);

    /// <summary>The organisation of a regulation that exists (its id was reserved when it was created).</summary>
    private async Task<string> OrganisationOfAsync(string regulationId, CancellationToken cancellationToken) =>
        await FindOrganisationIdAsync(regulationId, cancellationToken)
        ?? throw new LifecycleNotFoundException($"Regulation '{regulationId}' does not exist.");

    private async Task<Organisation> LoadOrganisationAsync(string organisationId, CancellationToken cancellationToken) =>
        (await stores.Organisations.GetAsync(organisationId, cancellationToken))?.Value
        ?? throw new LifecycleNotFoundException($"Organisation '{organisationId}' does not exist.");

    private async Task<Loaded<RegulationState>> LoadRegulationAsync(string organisationId, string regulationId, CancellationToken cancellationToken) =>
        await ReadAsync(() => stores.Regulations.GetAsync(organisationId, regulationId, cancellationToken), cancellationToken)
        ?? throw new LifecycleNotFoundException($"Regulation '{regulationId}' of organisation '{organisationId}' does not exist.");

    private async Task<Loaded<RegulationState>> LoadRegulationAsync(string regulationId, CancellationToken cancellationToken)
    {
        string organisationId = await FindOrganisationIdAsync(regulationId, cancellationToken)
            ?? throw new LifecycleNotFoundException($"Regulation '{regulationId}' does not exist.");
        return await LoadRegulationAsync(organisationId, regulationId, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> again (it reloads) when a save lost an optimistic-concurrency race; also for
    /// the organisation commands. <paramref name="subjectId"/> (the regulation or organisation) is for the log.
    /// </summary>
    internal async Task<T> RetryOnConflictAsync<T>(string subjectId, Func<Task<T>> attempt)
    {
        for (int attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (ConcurrencyConflictException) when (attemptNumber < MaxAttempts)
            {
                Log.ConcurrencyConflictRetried(logger, subjectId, attemptNumber);
            }
        }
    }

    /// <summary>"consultation-3": ids of stage objects count across the initial cycle and every amendment.</summary>
    private static string NextId(string prefix, Regulation regulation, Func<DraftingCycle, int> count)
    {
        int existing = count(regulation.InitialCycle) + regulation.Amendments.Sum(a => count(a.Cycle));
        return prefix + "-" + (existing + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static DraftingCycle ActiveCycleOf(Regulation regulation, string action) =>
        regulation.ActiveCycle ?? throw new QuyCheWorkflow.Domain.InvalidTransitionException("regulation", regulation.Stage.ToString(), action, "No amendment is under way.");
}
