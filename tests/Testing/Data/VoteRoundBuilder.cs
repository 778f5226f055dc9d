using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Testing;

/// <summary>A vote round of seven members under the default rule, open at T0, deadline three days later.</summary>
public sealed class VoteRoundBuilder
{
    private string _id = "vote-1";
    private string _regulationId = "reg-1";
    private int _draftVersion = 1;
    private StandingCommittee _committee = CommitteeBuilder.OfSize(7);
    private DecisionRule _rule = DecisionRule.MajorityOfAllMembers;
    private DateTimeOffset _deadline = TestData.Days(3);

    public static DateTimeOffset Deadline => TestData.Days(3);

    public VoteRoundBuilder WithId(string id)
    {
        _id = id;
        return this;
    }

    public VoteRoundBuilder ForRegulation(string regulationId, int draftVersion)
    {
        _regulationId = regulationId;
        _draftVersion = draftVersion;
        return this;
    }

    public VoteRoundBuilder WithMembers(int count)
    {
        _committee = CommitteeBuilder.OfSize(count);
        return this;
    }

    public VoteRoundBuilder WithRule(DecisionRule rule)
    {
        _rule = rule;
        return this;
    }

    public VoteRoundBuilder WithDeadline(DateTimeOffset deadline)
    {
        _deadline = deadline;
        return this;
    }

    public VoteRound Build() => new(_id, _regulationId, _draftVersion, _committee, _rule, TestData.T0, _deadline);
}
