using Azure;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// The commands on organisations, whoever calls them (the office API, the CSV import, the demo seed): create, change
/// the name, code, type or office mailbox, replace the standing committee, enter a new term, and give one committee
/// member's seat to a new member. The rules are the domain's (<see cref="Organisation"/>, <see cref="StandingCommittee"/>);
/// who may act on which organisation is the caller's to decide. Every command that changed something ends the same
/// way, crash-safe as the regulation commands are (<see cref="Tails.CommandTail"/>): its organisation row is written
/// with its tail (an entry on the organisation's audit chain, the refresh of its status row), which is then carried
/// out, or by whoever finds it pending. A refused command throws before anything is saved. Singleton, thread-safe.
/// </summary>
public sealed class OrganisationWorkflow(LifecycleStores stores, RegulationWorkflow regulations)
{

    /// <summary>Creates <paramref name="organisation"/> below its parent (none for a root).</summary>
    /// <returns>The organisation as saved.</returns>
    /// <exception cref="DomainException">The id is taken (<see cref="RefusalCode.OrganisationIdTaken"/>).</exception>
    /// <exception cref="LifecycleNotFoundException">The parent does not exist.</exception>
    public async Task<Organisation> CreateAsync(Organisation organisation, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(actor);
        PendingTail written;
        try
        {
            var tail = regulations.Tail(organisation.Id, Untracked(actor)).Audit(organisation.Id, AuditAction.OrganisationCreated, [organisation.Id], Summary(organisation));
            written = await stores.Organisations.CreateAsync(organisation, tail.Build(true), cancellationToken);
        }
        catch (ConcurrencyConflictException exception)
        {
            throw new DomainException(RefusalCode.OrganisationIdTaken, $"Organisation id '{organisation.Id}' is taken.",
                new Dictionary<string, string> { ["organisationId"] = organisation.Id }, exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new LifecycleNotFoundException($"Parent organisation '{organisation.ParentId}' does not exist.", exception);
        }

        await regulations.CompleteAsync(written, cancellationToken);
        return organisation;
    }

    /// <summary>
    /// Changes the name, code, type or office mailbox; what <paramref name="changes"/> leaves out stays. With
    /// <paramref name="ifMatch"/> (the ETag the caller read the organisation with) it changes only that version.
    /// </summary>
    /// <returns>The organisation as saved.</returns>
    /// <exception cref="LifecycleNotFoundException">The organisation does not exist.</exception>
    /// <exception cref="ConcurrencyConflictException">It changed since <paramref name="ifMatch"/>, or while this ran.</exception>
    public Task<Organisation> UpdateAsync(string organisationId, OrganisationChanges changes, Actor actor, ETag? ifMatch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return ChangeAsync(organisationId, actor, AuditAction.OrganisationUpdated, changes.ApplyTo, ifMatch, cancellationToken);
    }

    /// <summary>
    /// Replaces the whole standing committee of the current term (the domain keeps at least one member and exactly
    /// one secretary). Open vote rounds keep the members they started with; to carry a change into them, use
    /// <see cref="ReplaceCommitteeMemberAsync"/>. With <paramref name="ifMatch"/> (the ETag the caller read the
    /// organisation with) it changes only that version.
    /// </summary>
    /// <exception cref="LifecycleNotFoundException">The organisation does not exist.</exception>
    /// <exception cref="ConcurrencyConflictException">It changed since <paramref name="ifMatch"/>, or while this ran.</exception>
    public Task<Organisation> ReplaceCommitteeAsync(string organisationId, StandingCommittee committee, Actor actor, ETag? ifMatch = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return ChangeAsync(organisationId, actor, AuditAction.CommitteeReplaced, o => o with { Committee = committee }, ifMatch, cancellationToken);
    }

    /// <summary>Starts the organisation's next term with its newly elected standing committee.</summary>
    /// <exception cref="DomainException">The term does not follow the current one (<see cref="RefusalCode.TermNotAfterCurrent"/>).</exception>
    /// <exception cref="LifecycleNotFoundException">The organisation does not exist.</exception>
    /// <exception cref="ConcurrencyConflictException">It changed while this ran.</exception>
    public Task<Organisation> EnterTermAsync(string organisationId, Term term, StandingCommittee committee, Actor actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return ChangeAsync(organisationId, actor, AuditAction.TermEntered, o => o.EnterTerm(term, committee), null, cancellationToken);
    }

    /// <summary>
    /// Gives <paramref name="oldMemberId"/>'s seat on the standing committee to <paramref name="newMember"/>, during the
    /// term, and the same seat in every open vote round of the organisation's regulations: the old member's ballot is
    /// discarded, the new member gets a vote request, and the decision rule is applied again (the change can decide
    /// the round). The committee's change is audited on the organisation's chain, each round's on its regulation's.
    /// <para>
    /// Every check runs before the first write. Safe to repeat after an interruption: a committee that already holds
    /// the new member instead of the old one is not changed (nor audited) again, and rounds already changed are skipped.
    /// </para>
    /// </summary>
    /// <exception cref="LifecycleNotFoundException">The organisation does not exist.</exception>
    /// <exception cref="DomainException">The committee (<see cref="StandingCommittee.Replace"/>) or an open vote round refuses it.</exception>
    public async Task<CommitteeMemberReplacement> ReplaceCommitteeMemberAsync(string organisationId, string oldMemberId,
        CommitteeMember newMember, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oldMemberId);
        ArgumentNullException.ThrowIfNull(newMember);
        ArgumentNullException.ThrowIfNull(actor);
        var before = await LoadAsync(organisationId, cancellationToken);
        if (!IsReplaced(before.Value.Committee, oldMemberId, newMember))
        {
            before.Value.Committee.Replace(oldMemberId, newMember);
        }

        var rounds = await regulations.CheckSeatReplacementAsync(organisationId, oldMemberId, newMember, actor, cancellationToken);
        var (organisation, written) = await regulations.RetryOnConflictAsync(organisationId, async () =>
        {
            var loaded = await LoadAsync(organisationId, cancellationToken);
            if (IsReplaced(loaded.Value.Committee, oldMemberId, newMember))
            {
                return (loaded.Value, (PendingTail?)null);
            }

            var updated = loaded.Value with { Committee = loaded.Value.Committee.Replace(oldMemberId, newMember) };
            var tail = regulations.Tail(organisationId, Untracked(actor)).Audit(organisationId, AuditAction.CommitteeMemberReplaced,
                [organisationId, oldMemberId, newMember.MemberId],
                new { oldMemberId, newMemberId = newMember.MemberId, newMember.FullName, role = newMember.Role.ToString() });
            return (updated, await stores.Organisations.UpdateAsync(updated, loaded.ETag, tail.Build(true), cancellationToken));
        });

        if (written is not null)
        {
            await regulations.CompleteAsync(written, cancellationToken);
        }

        // Each round's seat is its own command with its own tail; a retry of this command (the committee already
        // changed) gives the seats a crash left with the old member.
        var replaced = await regulations.ReplaceSeatInRoundsAsync(organisationId, rounds, oldMemberId, newMember, actor, cancellationToken);
        return new CommitteeMemberReplacement(organisation, replaced);
    }

    /// <summary>Loads, changes (the domain refuses by throwing), saves under the ETag it loaded with, and completes.</summary>
    private async Task<Organisation> ChangeAsync(string organisationId, Actor actor, AuditAction action, Func<Organisation, Organisation> change,
        ETag? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loaded = await LoadAsync(organisationId, cancellationToken);
        if (ifMatch is { } expected && expected != loaded.ETag)
        {
            throw new ConcurrencyConflictException($"Organisation '{organisationId}' changed since it was read.");
        }

        var changed = change(loaded.Value);
        var tail = regulations.Tail(organisationId, Untracked(actor)).Audit(organisationId, action, [organisationId], Summary(changed));
        var written = await stores.Organisations.UpdateAsync(changed, loaded.ETag, tail.Build(true), cancellationToken);
        await regulations.CompleteAsync(written, cancellationToken);
        return changed;
    }

    private async Task<Loaded<Organisation>> LoadAsync(string organisationId, CancellationToken cancellationToken) =>
        await regulations.ReadAsync(() => stores.Organisations.GetAsync(organisationId, cancellationToken), cancellationToken)
        ?? throw new LifecycleNotFoundException($"Organisation '{organisationId}' does not exist.");

    /// <summary>
    /// The actor without a request id: these commands are safe to repeat as they are (a retry finds the change made),
    /// so their tails do not answer a retried request in its stead.
    /// </summary>
    private static Actor Untracked(Actor actor) => actor with { RequestId = null };

    /// <summary>True when a previous attempt already gave the seat: the old member gone, the new one there as given.</summary>
    private static bool IsReplaced(StandingCommittee committee, string oldMemberId, CommitteeMember newMember) =>
        !committee.Contains(oldMemberId) && committee.Members.Contains(newMember);

    private static object Summary(Organisation organisation) => new
    {
        name = organisation.Name,
        committeeName = organisation.CommitteeName,
        code = organisation.Code.Value,
        type = organisation.Type.ToString(),
        term = organisation.CurrentTerm.ToString(),
        members = organisation.Committee.Members.Count,
        qualityThresholds = organisation.QualityThresholds,
    };
}
