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
    /// The open vote rounds of the organisation's regulations in which <paramref name="oldMemberId"/> has a seat,
    /// each checked to take <paramref name="newMember"/> in that seat (refused, e.g. when the new member already votes
    /// there, before anything is written).
    /// </summary>
    /// <exception cref="DomainException">A round refuses the replacement.</exception>
    internal async Task<IReadOnlyList<(string RegulationId, string RoundId)>> CheckSeatReplacementAsync(
        string organisationId, string oldMemberId, CommitteeMember newMember, Actor actor, CancellationToken cancellationToken = default)
    {
        var open = await OpenRoundsHoldingAsync(organisationId, oldMemberId, cancellationToken);
        foreach (var (_, round) in open)
        {
            VoteRound.FromState(round.Value).ReplaceMember(oldMemberId, newMember, actor.Id, timeProvider.GetUtcNow());
        }

        return [.. open.Select(o => (o.RegulationId, o.Round.Value.Id))];
    }

    /// <summary>
    /// Gives <paramref name="oldMemberId"/>'s seat to <paramref name="newMember"/> in each of <paramref name="rounds"/>
    /// (from <see cref="CheckSeatReplacementAsync"/>): the old member's ballot is discarded, the new member gets a vote
    /// request, and the decision rule is applied again (the change can decide the round). Each round's change is a
    /// <see cref="MemberReplaced"/> entry on the regulation's audit chain. A round that no longer holds the old member
    /// (already changed, or decided) is skipped, so this is safe to repeat.
    /// </summary>
    internal async Task<IReadOnlyList<VoteSeatReplacement>> ReplaceSeatInRoundsAsync(string organisationId,
        IReadOnlyList<(string RegulationId, string RoundId)> rounds, string oldMemberId, CommitteeMember newMember, Actor actor,
        CancellationToken cancellationToken = default)
    {
        List<VoteSeatReplacement> replaced = [];
        foreach (var (regulationId, roundId) in rounds)
        {
            if (await ReplaceInRoundAsync(organisationId, regulationId, roundId, oldMemberId, newMember, actor, cancellationToken) is { } change)
            {
                replaced.Add(new VoteSeatReplacement(regulationId, change));
            }
        }

        return replaced;
    }

    /// <returns>The change, or null when the round no longer holds the old member (already replaced, or decided).</returns>
    private async Task<MemberReplaced?> ReplaceInRoundAsync(string organisationId, string regulationId, string roundId,
        string oldMemberId, CommitteeMember newMember, Actor actor, CancellationToken cancellationToken)
    {
        var (change, written) = await RetryOnConflictAsync(regulationId, async () =>
        {
            var loaded = await LoadVoteAsync(regulationId, roundId, cancellationToken);
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
            return (change, await stores.Votes.UpdateAsync(round.ToState(), loaded.ETag, tail.Build(true), cancellationToken));
        });

        if (written is null)
        {
            return null;
        }

        await CompleteAsync(written, cancellationToken);
        return change;
    }

    /// <summary>The open vote rounds of the organisation's regulations in which <paramref name="memberId"/> has a seat.</summary>
    private async Task<List<(string RegulationId, Loaded<VoteRoundState> Round)>> OpenRoundsHoldingAsync(
        string organisationId, string memberId, CancellationToken cancellationToken)
    {
        List<(string, Loaded<VoteRoundState>)> rounds = [];
        await foreach (var loaded in stores.Regulations.ListByOrganisationAsync(organisationId, cancellationToken))
        {
            var cycle = Regulation.FromState(loaded.Value).ActiveCycle;
            if (cycle is not { Stage: DraftingStage.InVote, CurrentVoteRoundId: { } roundId } ||
                await stores.Votes.GetAsync(loaded.Value.Id, roundId, cancellationToken) is not { } round ||
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
