namespace QuyCheWorkflow.Domain.Voting;

/// <summary>
/// Passes when at least two thirds of ALL members agree, i.e. agrees ≥ 2n/3, which is ⌈2n/3⌉ agrees
/// (1 of 1, 2 of 2, 2 of 3, 3 of 4, 5 of 7, 6 of 8, 6 of 9).
/// </summary>
public sealed class TwoThirdsOfAllMembersRule : DecisionRule
{
    internal const string RuleCode = "two-thirds-of-all";

    internal TwoThirdsOfAllMembersRule()
    {
    }

    public override string Code => RuleCode;

    public override string Description => "Ít nhất hai phần ba tổng số ủy viên Ban Thường vụ đồng ý";

    public override int RequiredAgrees(int memberCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memberCount, 1);
        return ((2 * memberCount) + 2) / 3;
    }
}
