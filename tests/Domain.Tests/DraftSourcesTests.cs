namespace QuyCheWorkflow.Domain.Tests;

public sealed class DraftSourcesTests
{
    private static readonly Organisation s_inNewTerm = new OrganisationBuilder().Build().EnterTerm(TestData.Term2030, CommitteeBuilder.OfSize(3));

    [Fact]
    public void PreviousTermRegulation_EarlierTermInForceAndCurrentTermIssued_IsTheEarlierTermsInForce()
    {
        Regulation previous = new RegulationBuilder().WithId("reg-2025").BuildIn(RegulationStage.InForce);
        Regulation drafting = new RegulationBuilder().WithId("reg-draft-2025").BuildIn(RegulationStage.InVote);
        Regulation current = new RegulationBuilder().WithId("reg-2030").ForOrganisation(s_inNewTerm.Id, TestData.Term2030).BuildIn(RegulationStage.InForce);

        Regulation? chosen = DraftSources.PreviousTermRegulation(s_inNewTerm, [drafting, current, previous]);

        Assert.Equal("reg-2025", chosen?.Id);
    }

    [Fact]
    public void PreviousTermRegulation_NothingIssuedBefore_IsNull()
    {
        Regulation drafting = new RegulationBuilder().BuildIn(RegulationStage.Approved);

        Assert.Null(DraftSources.PreviousTermRegulation(s_inNewTerm, [drafting]));
    }

    [Fact]
    public void UnchangedFrom_VoteOnThePreviousTermsIssuedText_IsPreviousTerm()
    {
        Regulation previous = new RegulationBuilder().WithId("reg-2025").BuildIn(RegulationStage.InForce);
        RegulationBuilder builder = new RegulationBuilder().WithId("reg-2030").ForOrganisation(s_inNewTerm.Id, TestData.Term2030);
        Regulation regulation = builder.Build();
        regulation.AddDraft(new DraftVersion(1, previous.CurrentIssuance!.FinalDocumentHash, "cu.docx", DraftVersion.DocxContentType, "van-phong", TestData.T0));

        DraftOrigin? beforeConsultation = DraftSources.UnchangedFrom(regulation, [previous, regulation]);
        builder.StartVote(regulation, RegulationBuilder.ResolveAll(builder.Consult(regulation)));
        DraftOrigin? inVote = DraftSources.UnchangedFrom(regulation, [previous, regulation]);

        Assert.Null(beforeConsultation);
        Assert.Equal(DraftOrigin.PreviousTerm, inVote);
        Assert.Equal("Dự thảo chưa thay đổi so với quy chế nhiệm kỳ trước", DraftSources.UnchangedWarning(DraftOrigin.PreviousTerm));
    }

    [Fact]
    public void UnchangedFrom_ModelDraftThenARevisedUpload_IsModelOnlyWhileUnrevised()
    {
        RegulationBuilder unrevisedBuilder = new RegulationBuilder().WithId("reg-a");
        Regulation unrevised = unrevisedBuilder.Build();
        unrevised.AddDraft(ModelDraft());
        RegulationBuilder revisedBuilder = new RegulationBuilder().WithId("reg-b");
        Regulation revised = revisedBuilder.Build();
        revised.AddDraft(ModelDraft());
        RegulationBuilder.UploadDraft(revised);

        unrevisedBuilder.StartVote(unrevised, RegulationBuilder.ResolveAll(unrevisedBuilder.Consult(unrevised)));
        revisedBuilder.StartVote(revised, RegulationBuilder.ResolveAll(revisedBuilder.Consult(revised)));

        Assert.Equal(DraftOrigin.Model, DraftSources.UnchangedFrom(unrevised, [unrevised]));
        Assert.Null(DraftSources.UnchangedFrom(revised, [revised]));
    }

    [Fact]
    public void DraftVersion_FromModelWithoutSource_Throws() =>
        Assert.Throws<DomainException>(() => new DraftVersion(1, TestData.Hash("mau"), "mau.docx", DraftVersion.DocxContentType, "van-phong", TestData.T0, DraftOrigin.Model));

    private static DraftVersion ModelDraft() =>
        new(1, TestData.Hash("mau"), "mau.docx", DraftVersion.DocxContentType, "van-phong", TestData.T0, DraftOrigin.Model, "tu:Agency:1");
}
