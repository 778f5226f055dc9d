using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle.Tails;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

public sealed partial class RegulationWorkflow
{
    /// <summary>
    /// Gives <paramref name="oldMemberId"/>'s seat on the standing committee to <paramref name="newMember"/>, and
    /// the same seat in every open vote round of the organisation: the old member's ballot is discarded, the new
    /// member gets a vote request, and the decision rule is applied again (the change can decide the round). Each
    /// round's change is a <see cref="MemberReplaced"/> entry on the regulation's audit chain.
    /// <para>
    /// Every check runs before the first write. Safe to repeat after an interruption: a committee that already
    /// holds the new member instead of the old one is not changed again, and rounds already changed are skipped.
    /// </para>
    /// </summary>
    /// <exception cref="LifecycleNotFoundException">The organisation does not exist.</exception>
    /// <exception cref="DomainException">The old member is not on the committee, the new one already is, or the
    /// committee would have no single secretary.</exception>
    public async Task<CommitteeMemberReplacement> ReplaceCommitteeMemberAsync(string organisationId, string oldMemberId,
        CommitteeMember newMember, Actor actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oldMemberId);
        ArgumentNullException.ThrowIfNull(newMember);
        ArgumentNullException.ThrowIfNull(actor);
        if (oldMemberId == newMember.MemberId)
        {
            throw new DomainException("Ủy viên mới phải có mã khác ủy viên được thay.");
        }

        var open = await OpenRoundsHoldingAsync(organisationId, oldMemberId, ct);
        foreach (var (_, round) in open)
        {
            // Refuse before the first write (e.g. the new member already votes in that round).
            VoteRound.FromState(round.Value).ReplaceMember(oldMemberId, newMember, actor.Id, timeProvider.GetUtcNow());
        }

        var organisation = await ReplaceOnCommitteeAsync(organisationId, oldMemberId, newMember, actor, ct);
        List<VoteSeatReplacement> replaced = [];
        foreach (var (regulationId, round) in open)
        {
            if (await ReplaceInRoundAsync(organisationId, regulationId, round.Value.Id, oldMemberId, newMember, actor, ct) is { } change)
            {
                replaced.Add(new VoteSeatReplacement(regulationId, change));
            }
        }

        return new CommitteeMemberReplacement(organisation, replaced);
    }

    private async Task<Organisation> ReplaceOnCommitteeAsync(string organisationId, string oldMemberId, CommitteeMember newMember,
        Actor actor, CancellationToken ct)
    {
        var (organisation, written) = await RetryOnConflictAsync(organisationId, async () =>
        {
            var loaded = await ReadAsync(() => stores.Organisations.GetAsync(organisationId, ct), ct)
                ?? throw new LifecycleNotFoundException($"Organisation '{organisationId}' does not exist.");
            var committee = loaded.Value.Committee;
            if (!committee.Contains(oldMemberId) && committee.Members.Contains(newMember))
            {
                return (loaded.Value, (PendingTail?)null);
            }

            if (committee.Contains(newMember.MemberId))
            {
                throw new DomainException($"Mã ủy viên '{newMember.MemberId}' đã có trong Ban Thường vụ.");
            }

            if (!committee.Contains(oldMemberId))
            {
                throw new DomainException($"Mã ủy viên '{oldMemberId}' không có trong Ban Thường vụ.");
            }

            // The committee keeps exactly one secretary: the role moves only with the secretary's own seat.
            bool replacesSecretary = committee.Secretary.MemberId == oldMemberId;
            if (replacesSecretary != (newMember.Role == CommitteeRole.Secretary))
            {
                throw new DomainException("Ban Thường vụ có đúng một Bí thư: người thay Bí thư phải có vai trò Bí thư, người thay ủy viên khác thì không.");
            }

            var updated = loaded.Value with { Committee = committee.Replace(oldMemberId, newMember) };
            var tail = Tail(organisationId, actor).Audit(organisationId, AuditAction.CommitteeMemberReplaced, [organisationId, oldMemberId, newMember.MemberId],
                new { oldMemberId, newMemberId = newMember.MemberId, newMember.FullName, role = newMember.Role.ToString() });
            return (updated, await stores.Organisations.UpdateAsync(updated, loaded.ETag, tail.Build(true), ct));
        });

        if (written is not null)
        {
            await CompleteAsync(written, ct);
        }

        return organisation;
    }

    /// <returns>The change, or null when the round no longer holds the old member (already replaced, or decided).</returns>
    private async Task<MemberReplaced?> ReplaceInRoundAsync(string organisationId, string regulationId, string roundId,
        string oldMemberId, CommitteeMember newMember, Actor actor, CancellationToken ct)
    {
        var (change, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadVoteAsync(regulationId, roundId, ct);
            if (loaded.Value.Status != VoteRoundStatus.Open || !loaded.Value.Members.Any(m => m.MemberId == oldMemberId))
            {
                return ((MemberReplaced?)null, (PendingTail?)null);
            }

            var round = VoteRound.FromState(loaded.Value);
            var change = round.ReplaceMember(oldMemberId, newMember, actor.Id, timeProvider.GetUtcNow());
            var tail = Tail(organisationId, actor).Audit(regulationId, AuditAction.VoteMemberReplaced, [regulationId, round.Id, oldMemberId, newMember.MemberId], new
            {
                description = change.Description,
                oldMemberId,
                newMemberId = newMember.MemberId,
                discardedBallot = change.RemovedBallot?.Choice.ToString(),
                statusBefore = change.StatusBefore.ToString(),
                statusAfter = change.StatusAfter.ToString(),
            });
            if (round.IsDecided)
            {
                tail.FollowUp(FollowUpKind.ApplyVoteDecision, regulationId, round.Id);
            }

            tail.Wake(WakeKind.SignalVote, regulationId, round.Id);
            return (change, await stores.Votes.UpdateAsync(round.ToState(), loaded.ETag, tail.Build(true), ct));
        });

        if (written is null)
        {
            return null;
        }

        await CompleteAsync(written, ct);
        return change;
    }

    /// <summary>The open vote rounds of the organisation's regulations in which <paramref name="memberId"/> has a seat.</summary>
    private async Task<List<(string RegulationId, Loaded<VoteRoundState> Round)>> OpenRoundsHoldingAsync(
        string organisationId, string memberId, CancellationToken ct)
    {
        List<(string, Loaded<VoteRoundState>)> rounds = [];
        await foreach (var loaded in stores.Regulations.ListByOrganisationAsync(organisationId, ct))
        {
            var cycle = Regulation.FromState(loaded.Value).ActiveCycle;
            if (cycle is not { Stage: DraftingStage.InVote, CurrentVoteRoundId: { } roundId } ||
                await stores.Votes.GetAsync(loaded.Value.Id, roundId, ct) is not { } round ||
                round.Value.Status != VoteRoundStatus.Open ||
                !round.Value.Members.Any(m => m.MemberId == memberId))
            {
                continue;
            }

            rounds.Add((loaded.Value.Id, round));
        }

        return rounds;
    }
}
