namespace QuyCheWorkflow.Domain.Tests;

public sealed class RegulationComplianceTests
{
    [Fact]
    public void Evaluate_NewTermWithOnlyPreviousTermRegulation_IsMissing()
    {
        Organisation organisation = new OrganisationBuilder().Build();
        Regulation previousTerm = new RegulationBuilder().BuildIn(RegulationStage.InForce);
        Organisation inNewTerm = organisation.EnterTerm(TestData.Term2030, CommitteeBuilder.OfSize(5));

        RegulationCompliance before = RegulationCompliance.Evaluate(organisation, [previousTerm], TestData.Days(30));
        RegulationCompliance after = RegulationCompliance.Evaluate(inNewTerm, [previousTerm], TestData.Days(30));

        Assert.Equal(ComplianceStatus.InForce, before.Status);
        Assert.Equal(ComplianceStatus.Missing, after.Status);
        Assert.True(after.IsMissing);
        Assert.Null(after.RegulationId);
    }

    [Fact]
    public void Evaluate_NewTermRegulationBeingDrafted_IsInPreparationAndStillMissing()
    {
        Organisation organisation = new OrganisationBuilder().WithTerm(TestData.Term2030).Build();
        Regulation drafting = new RegulationBuilder().WithId("reg-2030").ForOrganisation(organisation.Id, TestData.Term2030).BuildIn(RegulationStage.InVote);

        RegulationCompliance compliance = RegulationCompliance.Evaluate(organisation, [drafting], TestData.Days(30));

        Assert.Equal(ComplianceStatus.InPreparation, compliance.Status);
        Assert.True(compliance.IsMissing);
        Assert.Equal("reg-2030", compliance.RegulationId);
    }

    [Fact]
    public void Evaluate_ReviewDueDatePassedInVietnam_IsReviewOverdue()
    {
        Organisation organisation = new OrganisationBuilder().Build();
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);
        DateTimeOffset dueDayEvening = VietnamTime.ToInstant(new DateOnly(2026, 9, 16), new TimeOnly(23, 59));

        RegulationCompliance onDueDay = RegulationCompliance.Evaluate(organisation, [regulation], dueDayEvening);
        RegulationCompliance dayAfter = RegulationCompliance.Evaluate(organisation, [regulation], dueDayEvening.AddMinutes(1));

        Assert.Equal(ComplianceStatus.InForce, onDueDay.Status);
        Assert.Equal(ComplianceStatus.ReviewOverdue, dayAfter.Status);
        Assert.False(dayAfter.IsMissing);
    }

    [Fact]
    public void Evaluate_OtherOrganisationsRegulation_IsIgnored()
    {
        Organisation organisation = new OrganisationBuilder().Build();
        Regulation other = new RegulationBuilder().ForOrganisation("cb-1", TestData.Term2025).BuildIn(RegulationStage.InForce);

        RegulationCompliance compliance = RegulationCompliance.Evaluate(organisation, [other], TestData.Days(30));

        Assert.Equal(ComplianceStatus.Missing, compliance.Status);
    }
}
