namespace QuyCheWorkflow.Domain.Tests;

/// <summary>Each stage object saved with ToState and rebuilt with FromState behaves as the original.</summary>
public sealed class StateSnapshotTests
{
    [Fact]
    public void VoteRound_FromState_ContinuesWhereItStopped()
    {
        VoteRound original = new VoteRoundBuilder().WithMembers(3).WithRule(DecisionRule.TwoThirdsOfAllMembers).Build();
        original.Cast("m1", VoteChoice.Agree, null, TestData.Minutes(1));
        original.ReplaceMember("m2", CommitteeBuilder.Newcomer(), "van-phong", TestData.Minutes(2));
        original.ExtendDeadline(VoteRoundBuilder.Deadline.AddDays(1), "van-phong", TestData.Minutes(3));

        VoteRound restored = VoteRound.FromState(original.ToState());
        VoteRoundStatus status = restored.Cast("m-new", VoteChoice.Agree, null, TestData.Minutes(4));

        Assert.Equal(VoteRoundStatus.Passed, status);
        Assert.Same(DecisionRule.TwoThirdsOfAllMembers, restored.Rule);
        Assert.Equal(original.Members, restored.Members);
        Assert.Equal(original.Deadline, restored.Deadline);
        Assert.Single(restored.Extensions);
    }

    [Fact]
    public void VoteRound_FromStateWithBallotOfStranger_Throws()
    {
        VoteRoundState state = new VoteRoundBuilder().WithMembers(3).Build().ToState() with
        {
            Ballots = [new Ballot("m9", VoteChoice.Agree, null, TestData.Minutes(1))],
        };

        Assert.Throws<DomainException>(() => VoteRound.FromState(state));
    }

    [Fact]
    public void ConsultationRound_FromState_KeepsAnswersAndClosesOnLastOne()
    {
        ConsultationRound original = new ConsultationRoundBuilder().WithRecipients(2).Build();
        original.AnswerWithComments("r1", [new CommentDraft(1, "Sửa Điều 1.")], TestData.Days(1));

        ConsultationRound restored = ConsultationRound.FromState(original.ToState());
        bool closed = restored.AnswerAgree("r2", TestData.Days(2));

        Assert.True(closed);
        Assert.Equal(original.Comments, restored.Comments);
    }

    [Fact]
    public void ResolutionSheet_FromState_KeepsResolutions()
    {
        ConsultationRound round = new ConsultationRoundBuilder().WithRecipients(1).Build();
        round.AnswerWithComments("r1", [new CommentDraft(2, "A."), new CommentDraft(3, "B.")], TestData.Days(1));
        ResolutionSheet original = new(round);
        original.Resolve("r1#1", ResolutionOutcome.Accepted, "Đã sửa.", "van-phong", TestData.Days(2));

        ResolutionSheet restored = ResolutionSheet.FromState(original.ToState());

        Assert.Equal(["r1#2"], restored.Unresolved.Select(c => c.CommentId));
        Assert.Equal(original.Resolutions, restored.Resolutions);
    }

    [Fact]
    public void Regulation_FromStateWithAmendment_ContinuesAmendmentCycle()
    {
        RegulationBuilder builder = new();
        Regulation original = builder.BuildIn(RegulationStage.Filed);
        Filing filing = Filing.FromState(RegulationBuilder.FilingFor(original).ToState());
        filing.Return(["Sửa Điều 9."], "duk-van-phong", TestData.Days(12));
        original.ApplyFilingReturned(filing, "amend-1", TestData.Days(12));
        RegulationBuilder.UploadDraft(original);

        Regulation restored = Regulation.FromState(original.ToState());
        builder.Approve(restored);

        Assert.Equal(RegulationStage.InForce, restored.Stage);
        Assert.Equal("amend-1", restored.ActiveAmendment!.Id);
        Assert.Equal(2, restored.ActiveAmendment.Cycle.Drafts.Count);
        Assert.Equal(DraftingStage.Approved, restored.ActiveAmendment.Cycle.Stage);
        Assert.Equal(DraftingStage.Drafting, original.ActiveAmendment!.Cycle.Stage);
        Assert.Equal(original.CurrentIssuance, restored.CurrentIssuance);
        Assert.Equal(original.NextReviewDue, restored.NextReviewDue);
    }

    [Fact]
    public void PeriodicReview_FromState_CannotBeRecordedTwice()
    {
        PeriodicReview original = new("review-1", "reg-1", new DateOnly(2026, 9, 16));
        original.Record(new DateOnly(2026, 9, 15), TestData.Hash("minutes"), ReviewOutcome.Keep, null, "van-phong", TestData.Days(197));

        PeriodicReview restored = PeriodicReview.FromState(original.ToState());

        Assert.Equal(ReviewOutcome.Keep, restored.Outcome);
        Assert.Throws<InvalidTransitionException>(
            () => restored.Record(new DateOnly(2026, 9, 16), TestData.Hash("minutes"), ReviewOutcome.Repeal, null, "van-phong", TestData.Days(198)));
    }
}
