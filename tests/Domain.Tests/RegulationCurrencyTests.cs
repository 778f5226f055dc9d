namespace QuyCheWorkflow.Domain.Tests;

/// <summary>Whether an answer sent on a round, a draft or a filing is about the regulation as it stands.</summary>
public sealed class RegulationCurrencyTests
{
    [Fact]
    public void EnsureCurrentVoteRound_CurrentRoundAndDraft_ReturnsTheDraft()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        DraftVersion draft = RegulationBuilder.UploadDraft(regulation);
        VoteRound round = builder.StartVote(regulation, RegulationBuilder.ResolveAll(builder.Consult(regulation)));

        Assert.Equal(draft, regulation.EnsureCurrentVoteRound(round.Id, round.DraftVersion, draft.ContentHash));
    }

    [Fact]
    public void EnsureCurrentVoteRound_AnotherText_RefusedWithCode()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        RegulationBuilder.UploadDraft(regulation);
        VoteRound round = builder.StartVote(regulation, RegulationBuilder.ResolveAll(builder.Consult(regulation)));

        DomainException error = Assert.Throws<DomainException>(
            () => regulation.EnsureCurrentVoteRound(round.Id, round.DraftVersion, TestData.Hash("another text")));

        Assert.Equal(RefusalCode.RoundSuperseded, error.Code);
        Assert.Equal("vote round", error.Facts["subject"]);
        Assert.Equal(round.Id, error.Facts["id"]);
    }

    [Fact]
    public void EnsureCurrentVoteRound_RoundFollowedByANewerOne_RefusedWithCode()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        RegulationBuilder.UploadDraft(regulation);
        VoteRound first = builder.StartVote(regulation, RegulationBuilder.ResolveAll(builder.Consult(regulation)));
        RegulationBuilder.Decide(regulation, first, pass: false);
        DraftVersion revised = RegulationBuilder.UploadDraft(regulation);
        VoteRound second = builder.StartVote(regulation, RegulationBuilder.ResolveAll(builder.Consult(regulation)));
        DraftVersion firstDraft = regulation.InitialCycle.Drafts[0];

        DomainException error = Assert.Throws<DomainException>(
            () => regulation.EnsureCurrentVoteRound(first.Id, first.DraftVersion, firstDraft.ContentHash));

        Assert.Equal(RefusalCode.RoundSuperseded, error.Code);
        Assert.Equal(revised, regulation.EnsureCurrentVoteRound(second.Id, second.DraftVersion, revised.ContentHash));
    }

    [Fact]
    public void EnsureCurrentVoteRound_AfterIssuance_RefusedButTheRoundStillEndedItsCycle()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        DraftVersion draft = RegulationBuilder.UploadDraft(regulation);
        VoteRound round = builder.StartVote(regulation, RegulationBuilder.ResolveAll(builder.Consult(regulation)));
        RegulationBuilder.Decide(regulation, round, pass: true);
        RegulationBuilder.Issue(regulation, RegulationBuilder.IssuanceFor(regulation, 1, new DateOnly(2026, 3, 16)));

        DomainException error = Assert.Throws<DomainException>(
            () => regulation.EnsureCurrentVoteRound(round.Id, round.DraftVersion, draft.ContentHash));

        Assert.Equal(RefusalCode.RoundSuperseded, error.Code);
        Assert.Same(regulation.InitialCycle, regulation.CycleOfVoteRound(round.Id));
        Assert.Equal(round.Id, regulation.CycleOfVoteRound(round.Id)!.CurrentVoteRoundId);
        Assert.Null(regulation.CycleOfVoteRound("vote-9"));
    }

    [Fact]
    public void EnsureCurrentConsultationRound_RoundFollowedByANewerOne_RefusedWithCode()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        DraftVersion draft = RegulationBuilder.UploadDraft(regulation);
        ConsultationRound first = builder.Consult(regulation);
        Assert.Equal(draft, regulation.EnsureCurrentConsultationRound(first.Id, first.DraftVersion, draft.ContentHash));
        DraftVersion revised = RegulationBuilder.UploadDraft(regulation);
        ConsultationRound second = builder.Consult(regulation);

        DomainException error = Assert.Throws<DomainException>(
            () => regulation.EnsureCurrentConsultationRound(first.Id, first.DraftVersion, draft.ContentHash));

        Assert.Equal(RefusalCode.RoundSuperseded, error.Code);
        Assert.Equal("consultation round", error.Facts["subject"]);
        Assert.Equal(revised, regulation.EnsureCurrentConsultationRound(second.Id, second.DraftVersion, revised.ContentHash));
    }

    [Fact]
    public void EnsureCurrentFiling_OriginalFiling_ReturnsTheIssuanceAndRefusesAnotherText()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Filed);
        Issuance issuance = regulation.CurrentIssuance!;

        Assert.Equal(issuance, regulation.EnsureCurrentFiling("filing-1", issuance.FinalDocumentHash));
        DomainException error = Assert.Throws<DomainException>(() => regulation.EnsureCurrentFiling("filing-1", TestData.Hash("draft")));
        Assert.Equal(RefusalCode.RoundSuperseded, error.Code);
        Assert.Equal("filing", error.Facts["subject"]);
    }

    [Fact]
    public void EnsureCurrentFiling_AmendmentFiled_IsCurrentAndTheOriginalFilingIsNot()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.BuildIn(RegulationStage.Filed);
        Issuance original = regulation.CurrentIssuance!;
        Filing first = RegulationBuilder.FilingFor(regulation);
        first.Return(["Bổ sung quy định về chế độ thông tin, báo cáo."], "duk-van-phong", TestData.Days(12));
        regulation.ApplyFilingReturned(first, "amend-1", TestData.Days(12));
        builder.Approve(regulation);
        RegulationBuilder.Issue(regulation, RegulationBuilder.IssuanceFor(regulation, 2, new DateOnly(2026, 5, 4)));
        regulation.File(RegulationBuilder.FilingFor(regulation, "filing-2"));

        Issuance amended = regulation.EnsureCurrentFiling("filing-2", regulation.CurrentIssuance!.FinalDocumentHash);

        Assert.Equal("02-QC/ĐU", amended.Number.Symbol);
        Assert.Equal(RefusalCode.RoundSuperseded,
            Assert.Throws<DomainException>(() => regulation.EnsureCurrentFiling("filing-1", original.FinalDocumentHash)).Code);
    }
}
