namespace QuyCheWorkflow.Domain.Voting;

public sealed partial class VoteRound
{
    /// <summary>A snapshot for persistence.</summary>
    public VoteRoundState ToState() => new(
        Id, RegulationId, DraftVersion, [.. _members], Rule.Code, OpenedAt, Deadline, Status, DecidedAt, DecidedBy,
        InPersonResult, Ballots, [.. _extensions]);

    /// <summary>Rebuilds a round saved with <see cref="ToState"/>; ballots must belong to the members.</summary>
    /// <exception cref="DomainException">The snapshot is inconsistent.</exception>
    public static VoteRound FromState(VoteRoundState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        VoteRound round = new(
            state.Id, state.RegulationId, state.DraftVersion, state.Members,
            DecisionRule.FromCode(state.RuleCode), state.OpenedAt, state.Deadline)
        {
            Status = state.Status,
            DecidedAt = state.DecidedAt,
            DecidedBy = state.DecidedBy,
            InPersonResult = state.InPersonResult,
        };
        foreach (Ballot ballot in state.Ballots)
        {
            if (!round._members.Any(m => m.MemberId == ballot.MemberId) || !round._ballots.TryAdd(ballot.MemberId, ballot))
            {
                throw new DomainException(RefusalCode.StoredStateInconsistent, $"Vote round '{state.Id}' has a ballot of '{ballot.MemberId}' that does not fit its members.",
                    new Dictionary<string, string> { ["what"] = "vote round " + state.Id });
            }
        }

        round._extensions.AddRange(state.Extensions);
        return round;
    }
}
