namespace QuyCheWorkflow.Domain.Tests;

public sealed class DecisionRuleTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    [InlineData(6, 4)]
    [InlineData(7, 4)]
    [InlineData(8, 5)]
    [InlineData(9, 5)]
    public void RequiredAgrees_MajorityOfAllMembers_IsMoreThanHalfOfSnapshot(int members, int expected)
    {
        int required = DecisionRule.MajorityOfAllMembers.RequiredAgrees(members);

        Assert.Equal(expected, required);
        Assert.True(2 * required > members);
        Assert.False(2 * (required - 1) > members);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    [InlineData(6, 4)]
    [InlineData(7, 5)]
    [InlineData(8, 6)]
    [InlineData(9, 6)]
    public void RequiredAgrees_TwoThirdsOfAllMembers_IsAtLeastTwoThirdsOfSnapshot(int members, int expected)
    {
        int required = DecisionRule.TwoThirdsOfAllMembers.RequiredAgrees(members);

        Assert.Equal(expected, required);
        Assert.True(3 * required >= 2 * members);
        Assert.False(3 * (required - 1) >= 2 * members);
    }

    [Theory]
    [InlineData(4, 2, 0, 0, VoteDecision.Undecided)]
    [InlineData(4, 2, 2, 0, VoteDecision.Failed)]
    [InlineData(4, 2, 1, 0, VoteDecision.Undecided)]
    [InlineData(4, 3, 0, 0, VoteDecision.Passed)]
    [InlineData(5, 3, 0, 0, VoteDecision.Passed)]
    [InlineData(5, 2, 2, 1, VoteDecision.Failed)]
    [InlineData(5, 2, 1, 1, VoteDecision.Undecided)]
    [InlineData(2, 1, 0, 1, VoteDecision.Failed)]
    [InlineData(1, 0, 0, 0, VoteDecision.Undecided)]
    [InlineData(1, 0, 0, 1, VoteDecision.Failed)]
    [InlineData(9, 4, 0, 4, VoteDecision.Undecided)]
    [InlineData(9, 4, 1, 4, VoteDecision.Failed)]
    public void Decide_MajorityOfAllMembers_DecidesAsSoonAsOutcomeIsFixed(int members, int agrees, int disagrees, int others, VoteDecision expected)
    {
        VoteTally tally = new(members, agrees, disagrees, others);

        VoteDecision decision = DecisionRule.MajorityOfAllMembers.Decide(tally);

        Assert.Equal(expected, decision);
    }

    [Fact]
    public void Decide_OtherOpinionInsteadOfAgree_CountsAsNotAgreeing()
    {
        VoteTally withOthers = new(3, 1, 0, 2);

        VoteDecision decision = DecisionRule.MajorityOfAllMembers.Decide(withOthers);

        Assert.Equal(VoteDecision.Failed, decision);
    }

    [Fact]
    public void Decide_TwoThirdsWhereMajorityWouldPass_StaysUndecided()
    {
        VoteTally tally = new(9, 5, 0, 0);

        VoteDecision majority = DecisionRule.MajorityOfAllMembers.Decide(tally);
        VoteDecision twoThirds = DecisionRule.TwoThirdsOfAllMembers.Decide(tally);

        Assert.Equal(VoteDecision.Passed, majority);
        Assert.Equal(VoteDecision.Undecided, twoThirds);
    }

    [Fact]
    public void FromCode_PersistedCode_ReturnsSameRule()
    {
        string majority = DecisionRule.MajorityOfAllMembers.Code;
        string twoThirds = DecisionRule.TwoThirdsOfAllMembers.Code;

        Assert.Same(DecisionRule.MajorityOfAllMembers, DecisionRule.FromCode(majority));
        Assert.Same(DecisionRule.TwoThirdsOfAllMembers, DecisionRule.FromCode(twoThirds));
        Assert.Throws<ArgumentException>(() => DecisionRule.FromCode("unanimous"));
    }
}
