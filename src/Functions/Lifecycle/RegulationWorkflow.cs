using System.Globalization;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// The commands of a regulation's lifecycle. Every command loads what it changes, applies the domain
/// transition, saves under the ETag it loaded with (reloading and retrying when another writer won), appends an
/// audit entry to the regulation's chain, refreshes the organisation's status row, and starts or signals the
/// stage's orchestration. A refused transition throws before anything is saved. Singleton, thread-safe.
/// <para>
/// When a command changes two rows (the regulation and a stage object), the regulation is saved first: its ETag
/// serialises commands on one regulation, so the loser of a race reloads, sees the new stage and is refused
/// before it writes anything. Stage rows carry ids derived from the regulation (consultation-1, vote-2, ...),
/// so a retry after a crash between the two writes finds the same id.
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
        ReviewSchedule? schedule, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var organisation = await LoadOrganisationAsync(organisationId, ct);
        Regulation regulation = new(regulationId, organisationId, organisation.CurrentTerm, title, schedule, timeProvider.GetUtcNow());
        await AddNewRegulationAsync(regulation, ct);
        await AuditAsync(regulationId, actor, "regulation.created", [regulationId, organisationId],
            new { title, term = regulation.Term.ToString(), cadenceMonths = regulation.ReviewSchedule.CadenceMonths }, ct);
        await RefreshStatusAsync(organisationId, ct);
        return regulation.ToState();
    }

    /// <summary>Reserves the id and writes the new regulation's row: one write, so the row is whole or absent.</summary>
    private async Task AddNewRegulationAsync(Regulation regulation, CancellationToken ct)
    {
        if (!await stores.Index.ReserveAsync(regulation.Id, regulation.OrganisationId, ct))
        {
            throw new QuyCheWorkflow.Domain.DomainException(QuyCheWorkflow.Domain.RefusalCode.RegulationIdTaken, $"Regulation id '{regulation.Id}' belongs to another organisation.",
                new Dictionary<string, string> { ["regulationId"] = regulation.Id });
        }

        try
        {
            await stores.Regulations.AddAsync(regulation.ToState(), ct);
        }
        catch (ConcurrencyConflictException exception)
        {
            throw new QuyCheWorkflow.Domain.DomainException(QuyCheWorkflow.Domain.RefusalCode.RegulationIdTaken, $"Regulation '{regulation.Id}' already exists.",
                new Dictionary<string, string> { ["regulationId"] = regulation.Id }, exception);
        }
    }

    /// <summary>The organisation a regulation belongs to, or null when no such regulation was ever created.</summary>
    public Task<string?> FindOrganisationIdAsync(string regulationId, CancellationToken ct = default) =>
        stores.Index.FindAsync(regulationId, ct);

    private async Task<Organisation> LoadOrganisationAsync(string organisationId, CancellationToken ct) =>
        (await stores.Organisations.GetAsync(organisationId, ct))?.Value
        ?? throw new LifecycleNotFoundException($"Organisation '{organisationId}' does not exist.");

    private async Task<Loaded<RegulationState>> LoadRegulationAsync(string organisationId, string regulationId, CancellationToken ct) =>
        await stores.Regulations.GetAsync(organisationId, regulationId, ct)
        ?? throw new LifecycleNotFoundException($"Regulation '{regulationId}' of organisation '{organisationId}' does not exist.");

    private async Task<Loaded<RegulationState>> LoadRegulationAsync(string regulationId, CancellationToken ct)
    {
        string organisationId = await FindOrganisationIdAsync(regulationId, ct)
            ?? throw new LifecycleNotFoundException($"Regulation '{regulationId}' does not exist.");
        return await LoadRegulationAsync(organisationId, regulationId, ct);
    }

    /// <summary>Runs <paramref name="attempt"/> again (it reloads) when a save lost an optimistic-concurrency race.</summary>
    private async Task<T> RetryOnConflictAsync<T>(string regulationId, Func<Task<T>> attempt)
    {
        for (int attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (ConcurrencyConflictException) when (attemptNumber < MaxAttempts)
            {
                Log.ConcurrencyConflictRetried(logger, regulationId, attemptNumber);
            }
        }
    }

    private async Task AuditAsync(string regulationId, Actor actor, string action, IReadOnlyList<string> subjects, object? details, CancellationToken ct)
    {
        string? json = details is null ? null : StateJson.Serialize(details);
        await stores.Audit.AppendAsync(regulationId, new AuditRecord(actor.Id, actor.Display, action, subjects, json, actor.Origin), ct);
    }

    private async Task RefreshStatusAsync(string organisationId, CancellationToken ct) => await stores.Status.RefreshAsync(organisationId, ct);

    /// <summary>"consultation-3": ids of stage objects count across the initial cycle and every amendment.</summary>
    private static string NextId(string prefix, Regulation regulation, Func<DraftingCycle, int> count)
    {
        int existing = count(regulation.InitialCycle) + regulation.Amendments.Sum(a => count(a.Cycle));
        return prefix + "-" + (existing + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static DraftingCycle ActiveCycleOf(Regulation regulation, string action) =>
        regulation.ActiveCycle ?? throw new QuyCheWorkflow.Domain.InvalidTransitionException("regulation", regulation.Stage.ToString(), action, "No amendment is under way.");
}
