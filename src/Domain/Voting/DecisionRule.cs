namespace QuyCheWorkflow.Domain.Voting;

/// <summary>
/// A rule deciding a standing-committee vote from the number of members who agree, always measured against
/// ALL members of the round's snapshot (not against ballots cast): abstaining or not voting is not agreeing.
/// A rule only states how many agrees are needed (<see cref="RequiredAgrees"/>); <see cref="Decide"/> then
/// decides as early as the outcome is fixed: passed once agrees reach the requirement, failed once agrees
/// plus members yet to vote fall short of it, undecided otherwise.
/// Rules are stateless singletons; persist <see cref="Code"/> and read it back with <see cref="FromCode"/>.
/// </summary>
public abstract class DecisionRule
{
    /// <summary>The default: more than half of all members agree.</summary>
    public static DecisionRule MajorityOfAllMembers { get; } = new MajorityOfAllMembersRule();

    /// <summary>At least two thirds of all members agree.</summary>
    public static DecisionRule TwoThirdsOfAllMembers { get; } = new TwoThirdsOfAllMembersRule();

    /// <summary>Stable code for persistence, e.g. "majority-of-all".</summary>
    public abstract string Code { get; }

    /// <summary>Vietnamese description shown to members, e.g. "Quá nửa tổng số ủy viên Ban Thường vụ đồng ý".</summary>
    public abstract string Description { get; }

    /// <summary>The rule for a persisted <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentException">Unknown code.</exception>
    public static DecisionRule FromCode(string code) => code switch
    {
        MajorityOfAllMembersRule.RuleCode => MajorityOfAllMembers,
        TwoThirdsOfAllMembersRule.RuleCode => TwoThirdsOfAllMembers,
        _ => throw new ArgumentException($"Unknown decision rule '{code}'.", nameof(code)),
    };

    /// <summary>The smallest number of agrees that passes a round of <paramref name="memberCount"/> members (≥ 1).</summary>
    public abstract int RequiredAgrees(int memberCount);

    /// <summary>Decides <paramref name="tally"/> as early as the outcome can no longer change.</summary>
    public VoteDecision Decide(VoteTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        int required = RequiredAgrees(tally.MemberCount);
        if (tally.Agrees >= required)
        {
            return VoteDecision.Passed;
        }

        return tally.Agrees + tally.Undecided < required ? VoteDecision.Failed : VoteDecision.Undecided;
    }

    public override string ToString() => Code;
}
