using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Domain.Tests;

public sealed class CampaignTests
{
    // Monday 4 January 2027, 09:00 Vietnam time.
    private static readonly DateTimeOffset s_started = new(2027, 1, 4, 2, 0, 0, TimeSpan.Zero);

    private static readonly Term s_term = new(2025, 2030);

    private static Campaign Issue(DateOnly? deadline = null, DateOnly? endsOn = null, IEnumerable<int>? days = null) => Campaign.Start(
        "c1", "tu", "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030", new CampaignRequirement(CampaignRequirementKind.IssueForCurrentTerm),
        deadline ?? new DateOnly(2027, 3, 31), s_started, endsOn: endsOn, reminderDaysBefore: days);

    [Fact]
    public void Start_NoOffsets_TakesThirtySevenAndOneDays()
    {
        var campaign = Issue();

        Assert.Equal([30, 7, 1], campaign.ReminderDaysBefore);
        Assert.Equal(CampaignState.Open, campaign.State);
    }

    [Fact]
    public void Start_DeadlineToday_RefusesWithTheDates()
    {
        var error = Assert.Throws<DomainException>(() => Issue(deadline: new DateOnly(2027, 1, 4)));

        Assert.Equal(RefusalCode.CampaignDeadlineNotAfterStart, error.Code);
        Assert.Equal("2027-01-04", error.Facts["deadline"]);
    }

    [Fact]
    public void Start_BlankTitle_RefusesTitleMissing()
    {
        var error = Assert.Throws<DomainException>(() => Campaign.Start(
            "c1", "tu", " ", new CampaignRequirement(CampaignRequirementKind.RecordReview), new DateOnly(2027, 3, 31), s_started));

        Assert.Equal(RefusalCode.CampaignTitleMissing, error.Code);
    }

    [Fact]
    public void Start_RevisionWithoutModelDate_RefusesModelDateMissing()
    {
        var error = Assert.Throws<DomainException>(() => Campaign.Start(
            "c1", "tu", "Sửa đổi", new CampaignRequirement(CampaignRequirementKind.ReviseAfterModel), new DateOnly(2027, 3, 31), s_started));

        Assert.Equal(RefusalCode.CampaignModelDateMissing, error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Start_OffsetOutOfRange_RefusesOffsetsInvalid(int days)
    {
        var error = Assert.Throws<DomainException>(() => Issue(days: [30, days]));

        Assert.Equal(RefusalCode.CampaignReminderOffsetsInvalid, error.Code);
    }

    [Fact]
    public void Start_EndBeforeDeadline_RefusesEndBeforeDeadline()
    {
        var error = Assert.Throws<DomainException>(() => Issue(endsOn: new DateOnly(2027, 3, 30)));

        Assert.Equal(RefusalCode.CampaignEndBeforeDeadline, error.Code);
    }

    [Fact]
    public void Start_DocumentWithoutNumber_RefusesIncomplete()
    {
        var error = Assert.Throws<DomainException>(() => Campaign.Start(
            "c1", "tu", "Rà soát", new CampaignRequirement(CampaignRequirementKind.RecordReview), new DateOnly(2027, 3, 31), s_started,
            directingDocument: new DirectingDocument(" ", new DateOnly(2027, 1, 2))));

        Assert.Equal(RefusalCode.CampaignDirectingDocumentIncomplete, error.Code);
    }

    [Fact]
    public void Close_Twice_RefusesTheTransition()
    {
        var closed = Issue().Close(s_started.AddDays(3), CampaignCloseReason.ClosedByOffice, "Đã đủ");

        var error = Assert.Throws<InvalidTransitionException>(() => closed.Close(s_started.AddDays(4), CampaignCloseReason.ClosedByOffice));

        Assert.Equal(CampaignState.Closed, closed.State);
        Assert.Equal("Đã đủ", closed.CloseNote);
        Assert.Equal(RefusalCode.InvalidTransition, error.Code);
    }

    [Fact]
    public void Covers_TypesGiven_OnlyThoseTypes()
    {
        var campaign = Campaign.Start("c1", "tu", "Xã", new CampaignRequirement(CampaignRequirementKind.IssueForCurrentTerm), new DateOnly(2027, 3, 31), s_started,
            organisationTypes: [OrganisationType.Commune]);

        Assert.True(campaign.Covers(OrganisationType.Commune));
        Assert.False(campaign.Covers(OrganisationType.Enterprise));
        Assert.True(Issue().Covers(OrganisationType.Enterprise));
    }

    [Fact]
    public void ComplianceOf_IssuedInTerm_DoneWithDateAndNumber()
    {
        var facts = new CampaignFacts(OrganisationType.Commune, s_term, RegulationStage.Filed, new DateOnly(2027, 2, 10), "05-QC/ĐU");

        var compliance = Issue().ComplianceOf(facts, new DateOnly(2027, 4, 10));

        Assert.Equal(new CampaignCompliance(CampaignComplianceState.Done, RegulationStage.Filed, new DateOnly(2027, 2, 10), "05-QC/ĐU"), compliance);
        Assert.False(compliance.IsReminded);
    }

    [Fact]
    public void ComplianceOf_InVoteBeforeDeadline_UnderWayAtThatStage()
    {
        var compliance = Issue().ComplianceOf(new CampaignFacts(OrganisationType.Commune, s_term, RegulationStage.InVote), new DateOnly(2027, 3, 31));

        Assert.Equal(CampaignComplianceState.UnderWay, compliance.State);
        Assert.Equal(RegulationStage.InVote, compliance.Stage);
    }

    [Fact]
    public void ComplianceOf_NothingBeforeDeadline_NotStarted()
    {
        var compliance = Issue().ComplianceOf(new CampaignFacts(OrganisationType.Commune, s_term), new DateOnly(2027, 3, 1));

        Assert.Equal(CampaignComplianceState.NotStarted, compliance.State);
        Assert.True(compliance.IsReminded);
    }

    [Fact]
    public void ComplianceOf_DraftingAfterDeadline_Late()
    {
        var compliance = Issue().ComplianceOf(new CampaignFacts(OrganisationType.Commune, s_term, RegulationStage.Drafting), new DateOnly(2027, 4, 1));

        Assert.Equal(CampaignComplianceState.Late, compliance.State);
    }

    [Fact]
    public void ComplianceOf_IssuedBeforeTheTerm_NotDone()
    {
        var facts = new CampaignFacts(OrganisationType.Commune, s_term, RegulationStage.InForce, new DateOnly(2021, 5, 1), "01-QC/ĐU");

        Assert.Equal(CampaignComplianceState.NotStarted, Issue().ComplianceOf(facts, new DateOnly(2027, 3, 1)).State);
    }

    [Theory]
    [InlineData(DraftOrigin.Model, false, CampaignComplianceState.Done)]
    [InlineData(DraftOrigin.PreviousTerm, true, CampaignComplianceState.Done)]
    [InlineData(DraftOrigin.PreviousTerm, false, CampaignComplianceState.NotStarted)]
    [InlineData(DraftOrigin.Upload, false, CampaignComplianceState.NotStarted)]
    public void ComplianceOf_RevisionIssuedAfterModel_DependsOnOrigin(DraftOrigin origin, bool amendment, CampaignComplianceState expected)
    {
        var campaign = Campaign.Start("c1", "tu", "Sửa đổi theo quy chế mẫu", new CampaignRequirement(CampaignRequirementKind.ReviseAfterModel, new DateOnly(2026, 12, 20)),
            new DateOnly(2027, 3, 31), s_started);
        var facts = new CampaignFacts(OrganisationType.Commune, s_term, RegulationStage.Issued, new DateOnly(2027, 1, 20), "07-QC/ĐU", origin, amendment);

        Assert.Equal(expected, campaign.ComplianceOf(facts, new DateOnly(2027, 2, 1)).State);
    }

    [Fact]
    public void ComplianceOf_RevisionIssuedOnTheModelsDay_NotDone()
    {
        var campaign = Campaign.Start("c1", "tu", "Sửa đổi", new CampaignRequirement(CampaignRequirementKind.ReviseAfterModel, new DateOnly(2026, 12, 20)),
            new DateOnly(2027, 3, 31), s_started);
        var facts = new CampaignFacts(OrganisationType.Commune, s_term, RegulationStage.InForce, new DateOnly(2026, 12, 20), "07-QC/ĐU", DraftOrigin.Model);

        Assert.Equal(CampaignComplianceState.NotStarted, campaign.ComplianceOf(facts, new DateOnly(2027, 2, 1)).State);
    }

    [Fact]
    public void ComplianceOf_ReviewRecordedDuringCampaign_DoneOnTheReviewDate()
    {
        var campaign = Campaign.Start("c1", "tu", "Rà soát", new CampaignRequirement(CampaignRequirementKind.RecordReview), new DateOnly(2027, 3, 31), s_started);
        var before = new CampaignFacts(OrganisationType.Commune, s_term, RegulationStage.InForce, LastReviewDate: new DateOnly(2026, 6, 1));
        var after = before with { LastReviewDate = new DateOnly(2027, 2, 3) };

        Assert.Equal(CampaignComplianceState.NotStarted, campaign.ComplianceOf(before, new DateOnly(2027, 2, 5)).State);
        Assert.Equal(new DateOnly(2027, 2, 3), campaign.ComplianceOf(after, new DateOnly(2027, 2, 5)).DoneOn);
    }

    [Fact]
    public void WavesBetween_DefaultOffsets_ThreeRemindersOnWorkingDaysAt0800()
    {
        // Deadline Wednesday 31 March 2027: 1 March (Monday), 24 March (Wednesday), 30 March (Tuesday).
        var waves = Issue().WavesBetween(s_started, new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero), PublicHolidayCalendar.Empty);

        Assert.Equal(["before-30", "before-7", "before-1"], waves.Select(w => w.Id));
        Assert.Equal(VietnamTime.ToInstant(new DateOnly(2027, 3, 1), new TimeOnly(8, 0)), waves[0].At);
        Assert.Equal(new DateTimeOffset(2027, 3, 30, 1, 0, 0, TimeSpan.Zero), waves[2].At);
        Assert.All(waves, w => Assert.Equal(CampaignWaveKind.Reminder, w.Kind));
    }

    [Fact]
    public void WavesBetween_OffsetOnAWeekend_MovesToThePreviousWorkingDay()
    {
        // Deadline Monday 29 March 2027: 1 day before is Sunday, sent Friday 26 March.
        var waves = Issue(deadline: new DateOnly(2027, 3, 29), days: [1])
            .WavesBetween(s_started, new DateTimeOffset(2027, 3, 29, 0, 0, 0, TimeSpan.Zero), PublicHolidayCalendar.Empty);

        Assert.Equal(new DateOnly(2027, 3, 26), VietnamTime.DateOf(Assert.Single(waves).At));
    }

    [Fact]
    public void WavesBetween_OffsetBeforeTheStart_IsLeftOut()
    {
        var waves = Issue(deadline: new DateOnly(2027, 1, 20)).WavesBetween(s_started, new DateTimeOffset(2027, 1, 20, 0, 0, 0, TimeSpan.Zero), PublicHolidayCalendar.Empty);

        Assert.Equal(["before-7", "before-1"], waves.Select(w => w.Id));
    }

    [Fact]
    public void WavesBetween_AfterTheDeadline_WeeklyOverdueUntilTheEndDate()
    {
        var campaign = Issue(endsOn: new DateOnly(2027, 4, 20));

        var waves = campaign.WavesBetween(new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero), PublicHolidayCalendar.Empty);

        // Thursday 1 April, 8 April, 15 April; 22 April is past the end date.
        Assert.Equal(["overdue-1", "overdue-2", "overdue-3"], waves.Select(w => w.Id));
        Assert.Equal([new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 8), new DateOnly(2027, 4, 15)], waves.Select(w => VietnamTime.DateOf(w.At)));
        Assert.Equal(new DateTimeOffset(2027, 4, 20, 17, 0, 0, TimeSpan.Zero), campaign.EndsAt);
    }

    [Fact]
    public void WavesBetween_OverdueOnAHoliday_MovesToTheNextWorkingDay()
    {
        var calendar = PublicHolidayCalendar.Empty.WithRange(new DateOnly(2027, 4, 1), new DateOnly(2027, 4, 1));

        var first = Issue().NextWaveAfter(new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero), calendar);

        Assert.Equal(new DateOnly(2027, 4, 2), VietnamTime.DateOf(first!.At));
        Assert.Equal("overdue-1", first.Id);
    }

    [Fact]
    public void NextWaveAfter_Closed_IsNull()
    {
        var closed = Issue().Close(s_started.AddDays(1), CampaignCloseReason.ClosedByOffice);

        Assert.Null(closed.NextWaveAfter(s_started, PublicHolidayCalendar.Empty));
        Assert.Empty(closed.WavesBetween(s_started, s_started.AddDays(200), PublicHolidayCalendar.Empty));
    }

    [Fact]
    public void NextWaveAfter_EachWaveInTurn_WalksTheWholeCourse()
    {
        var campaign = Issue(endsOn: new DateOnly(2027, 4, 14));
        List<string> ids = [];

        for (var wave = campaign.NextWaveAfter(s_started, PublicHolidayCalendar.Empty); wave is not null; wave = campaign.NextWaveAfter(wave.At, PublicHolidayCalendar.Empty))
        {
            ids.Add(wave.Id);
        }

        Assert.Equal(["before-30", "before-7", "before-1", "overdue-1", "overdue-2"], ids);
    }
}
