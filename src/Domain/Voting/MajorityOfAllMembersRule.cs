namespace QuyCheWorkflow.Domain.Voting;

/// <summary>
/// The default rule: passes when more than half of ALL members agree, i.e. agrees &gt; n/2, which is
/// ⌊n/2⌋ + 1 agrees (1 of 1, 2 of 2, 2 of 3, 3 of 4, 4 of 7, 5 of 8, 5 of 9).
/// </summary>
public sealed class MajorityOfAllMembersRule : DecisionRule
{
    internal const string RuleCode = "majority-of-all";

    internal MajorityOfAllMembersRule()
    {
    }

    public override string Code => RuleCode;

    public override string Description => "Quá nửa tổng số ủy viên Ban Thường vụ đồng ý";

    public override int RequiredAgrees(int memberCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memberCount, 1);
        return (memberCount / 2) + 1;
    }
}
