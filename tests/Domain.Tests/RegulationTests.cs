namespace QuyCheWorkflow.Domain.Tests;

public sealed class RegulationTests
{
    [Fact]
    public void BuildIn_InForce_WalksWholeLifecycleAndSchedulesReview()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);

        Assert.Equal(RegulationStage.InForce, regulation.Stage);
        Assert.Equal("01-QC/ĐU", regulation.CurrentIssuance!.Number.Symbol);
        Assert.Equal(new DateOnly(2026, 9, 16), regulation.NextReviewDue);
        Assert.Equal(["filing-1"], regulation.FilingIds);
    }

    [Fact]
    public void Issue_WhileDrafting_ThrowsNamingStage()
    {
        Regulation regulation = new RegulationBuilder().Build();

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => RegulationBuilder.Issue(regulation, RegulationBuilder.IssuanceFor(regulation, 1, new DateOnly(2026, 3, 16))));

        Assert.Equal("Cannot issue: regulation is Drafting.", error.Message);
        Assert.Equal(nameof(RegulationStage.Drafting), error.CurrentState);
    }

    [Fact]
    public void AddDraft_WhileInConsultation_ThrowsNamingStage()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.BuildIn(RegulationStage.InConsultation);

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(() => RegulationBuilder.UploadDraft(regulation));

        Assert.Equal("Cannot upload a draft: regulation is InConsultation.", error.Message);
    }

    [Fact]
    public void StartVote_WhileDrafting_ThrowsNamingStage()
    {
        Regulation regulation = new RegulationBuilder().Build();
        ConsultationRound closed = new ConsultationRoundBuilder().Build();
        closed.CloseIfDue(ConsultationRoundBuilder.Deadline);

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => regulation.StartVote(new VoteRoundBuilder().Build(), new ResolutionSheet(closed)));

        Assert.Equal("Cannot start a vote: regulation is Drafting.", error.Message);
    }

    [Fact]
    public void File_WhileApproved_ThrowsNamingStage()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Approved);
        Filing filing = new("filing-1", regulation.Id, "01-QC/ĐU", "duk", "van-phong", TestData.Days(11));

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(() => regulation.File(filing));

        Assert.StartsWith("Cannot file with the upper level: regulation is Approved.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyReview_KeepWhileIssued_SchedulesNextReviewAndStaysIssued()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Issued);

        regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Keep), null, TestData.Days(200));

        Assert.Equal(RegulationStage.Issued, regulation.Stage);
        Assert.Equal(new DateOnly(2026, 9, 18), regulation.LastReviewDate);
        Assert.Equal(new DateOnly(2027, 3, 18), regulation.NextReviewDue);
    }

    [Fact]
    public void ApplyReview_AmendBeforeFilingAcknowledged_RefusedWithCode()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Filed);

        DomainException error = Assert.Throws<DomainException>(
            () => regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Amend), "amend-1", TestData.Days(200)));

        Assert.Equal(RefusalCode.ReviewAmendBeforeAcknowledgement, error.Code);
        Assert.Empty(regulation.Amendments);
    }

    [Fact]
    public void EnsureReviewAllowed_MeetingAfterToday_RefusedWithCode()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);

        DomainException error = Assert.Throws<DomainException>(
            () => regulation.EnsureReviewAllowed(new DateOnly(2026, 9, 19), ReviewOutcome.Keep, new DateTimeOffset(2026, 9, 18, 16, 59, 0, TimeSpan.Zero)));

        Assert.Equal(RefusalCode.ReviewDateInFuture, error.Code);
        Assert.Equal("2026-09-18", error.Facts["today"]);
    }

    [Fact]
    public void EnsureReviewAllowed_MeetingTodayInVietnam_Allowed()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);

        regulation.EnsureReviewAllowed(new DateOnly(2026, 9, 19), ReviewOutcome.Keep, new DateTimeOffset(2026, 9, 18, 17, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void EnsureReviewAllowed_MeetingBeforePreviousReview_RefusedWithCode()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);
        regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Keep), null, TestData.Days(200));

        DomainException error = Assert.Throws<DomainException>(
            () => regulation.EnsureReviewAllowed(new DateOnly(2026, 9, 17), ReviewOutcome.Keep, TestData.Days(230)));

        Assert.Equal(RefusalCode.ReviewDateTooEarly, error.Code);
        Assert.Equal("2026-09-18", error.Facts["earliest"]);
        Assert.Equal(new DateOnly(2027, 3, 18), regulation.NextReviewDue);
    }

    [Fact]
    public void EnsureReviewAllowed_MeetingBeforeIssueDate_RefusedWithCode()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);

        DomainException error = Assert.Throws<DomainException>(
            () => regulation.EnsureReviewAllowed(new DateOnly(2026, 3, 15), ReviewOutcome.Keep, TestData.Days(30)));

        Assert.Equal(RefusalCode.ReviewDateTooEarly, error.Code);
        Assert.Equal("2026-03-16", error.Facts["earliest"]);
    }

    [Fact]
    public void EnsureReviewAllowed_Approved_ThrowsNamingStage()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Approved);

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => regulation.EnsureReviewAllowed(new DateOnly(2026, 3, 20), ReviewOutcome.Keep, TestData.Days(30)));

        Assert.Equal("Cannot record a review: regulation is Approved.", error.Message);
    }

    [Fact]
    public void Issue_DateBeforeApproval_RefusedWithCode()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Approved);

        DomainException error = Assert.Throws<DomainException>(() => regulation.Issue(
            RegulationBuilder.IssuanceFor(regulation, 1, new DateOnly(2026, 3, 5)), null, new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 20)));

        Assert.Equal(RefusalCode.IssueDateBeforeApproval, error.Code);
        Assert.Equal("2026-03-06", error.Facts["approvedOn"]);
        Assert.Equal(RegulationStage.Approved, regulation.Stage);
    }

    [Fact]
    public void Issue_DateAfterToday_RefusedWithCode()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Approved);

        DomainException error = Assert.Throws<DomainException>(() => regulation.Issue(
            RegulationBuilder.IssuanceFor(regulation, 1, new DateOnly(2026, 3, 21)), null, new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 20)));

        Assert.Equal(RefusalCode.IssueDateInFuture, error.Code);
    }

    [Fact]
    public void Issue_DateOutsideTerm_RefusedWithCode()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Approved);

        DomainException error = Assert.Throws<DomainException>(() => regulation.Issue(
            RegulationBuilder.IssuanceFor(regulation, 1, new DateOnly(2031, 1, 5)), null, new DateOnly(2026, 3, 6), new DateOnly(2031, 2, 1)));

        Assert.Equal(RefusalCode.IssueDateOutsideTerm, error.Code);
        Assert.Equal("2025 - 2030", error.Facts["term"]);
    }

    [Fact]
    public void Issue_OnApprovalDay_Issues()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Approved);

        regulation.Issue(RegulationBuilder.IssuanceFor(regulation, 1, new DateOnly(2026, 3, 6)), null, new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 6));

        Assert.Equal(RegulationStage.Issued, regulation.Stage);
    }

    [Fact]
    public void OpenConsultation_InForceWithoutAmendment_ThrowsNamingStage()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => regulation.OpenConsultation(new ConsultationRoundBuilder().WithId("cons-x").Build()));

        Assert.Contains("regulation is InForce", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartVote_UnresolvedComments_ThrowsWithCountAndStaysResolving()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        RegulationBuilder.UploadDraft(regulation);
        ConsultationRound round = builder.Consult(regulation);

        UnresolvedCommentsException error = Assert.Throws<UnresolvedCommentsException>(
            () => builder.StartVote(regulation, new ResolutionSheet(round)));

        Assert.Equal(1, error.UnresolvedCount);
        Assert.Equal(RegulationStage.Resolving, regulation.Stage);
    }

    [Fact]
    public void StartVote_SheetOfEarlierRound_Throws()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        RegulationBuilder.UploadDraft(regulation);
        ConsultationRound first = builder.Consult(regulation);
        ResolutionSheet firstSheet = RegulationBuilder.ResolveAll(first);
        RegulationBuilder.UploadDraft(regulation);
        builder.Consult(regulation);

        Assert.Throws<DomainException>(() => builder.StartVote(regulation, firstSheet));
    }

    [Fact]
    public void ApplyVoteResult_FailedVote_ReturnsToResolvingWithReasonsThenPassesOnRevisedDraft()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        RegulationBuilder.UploadDraft(regulation);
        ResolutionSheet sheet = RegulationBuilder.ResolveAll(builder.Consult(regulation));

        RegulationBuilder.Decide(regulation, builder.StartVote(regulation, sheet), pass: false);
        RegulationStage afterFailure = regulation.Stage;
        IReadOnlyList<string> reasons = regulation.VoteFailureReasons;
        RegulationBuilder.UploadDraft(regulation);
        RegulationBuilder.Decide(regulation, builder.StartVote(regulation, sheet), pass: true);

        Assert.Equal(RegulationStage.Resolving, afterFailure);
        Assert.Equal(2, reasons.Count);
        Assert.All(reasons, r => Assert.Contains("Chưa phù hợp với quy chế mẫu.", r, StringComparison.Ordinal));
        Assert.Equal(RegulationStage.Approved, regulation.Stage);
        Assert.Empty(regulation.VoteFailureReasons);
        Assert.Equal(2, regulation.InitialCycle.VoteRoundIds.Count);
    }

    [Fact]
    public void ApplyVoteResult_UndecidedRound_ThrowsNamingRoundState()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        RegulationBuilder.UploadDraft(regulation);
        VoteRound round = builder.StartVote(regulation, RegulationBuilder.ResolveAll(builder.Consult(regulation)));

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(() => regulation.ApplyVoteResult(round));

        Assert.Equal("Cannot apply the vote result: vote round is Open.", error.Message);
        Assert.Equal(RegulationStage.InVote, regulation.Stage);
    }

    [Fact]
    public void StartVote_OnOlderDraftVersion_Throws()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.Build();
        RegulationBuilder.UploadDraft(regulation);
        ResolutionSheet sheet = RegulationBuilder.ResolveAll(builder.Consult(regulation));
        RegulationBuilder.UploadDraft(regulation);
        VoteRound staleRound = new VoteRoundBuilder().ForRegulation(regulation.Id, 1).Build();

        Assert.Throws<DomainException>(() => regulation.StartVote(staleRound, sheet));
    }

    [Fact]
    public void Issue_SupersedingPreviousTermRegulation_EndsIt()
    {
        Regulation previous = new RegulationBuilder().WithId("reg-old").BuildIn(RegulationStage.InForce);
        Regulation next = new RegulationBuilder().WithId("reg-new").ForOrganisation("du-cty", TestData.Term2030).BuildIn(RegulationStage.Approved);
        DateOnly issueDate = new(2030, 11, 2);

        RegulationBuilder.Issue(next, RegulationBuilder.IssuanceFor(next, 1, issueDate, supersedes: "reg-old"), previous);

        Assert.Equal(RegulationStage.Issued, next.Stage);
        Assert.Equal(RegulationStage.Superseded, previous.Stage);
        Assert.Equal("reg-new", previous.SupersededByRegulationId);
        Assert.Equal(issueDate, previous.EndedOn);
        Assert.Null(previous.NextReviewDue);
    }

    [Fact]
    public void Issue_SupersededMismatch_ThrowsAndChangesNothing()
    {
        Regulation previous = new RegulationBuilder().WithId("reg-old").BuildIn(RegulationStage.InForce);
        Regulation next = new RegulationBuilder().WithId("reg-new").BuildIn(RegulationStage.Approved);

        Assert.Throws<DomainException>(() => RegulationBuilder.Issue(next, RegulationBuilder.IssuanceFor(next, 2, new DateOnly(2026, 4, 1)), previous));

        Assert.Equal(RegulationStage.InForce, previous.Stage);
        Assert.Equal(RegulationStage.Approved, next.Stage);
    }

    [Fact]
    public void ApplyFilingReturned_OriginalFiling_PutsInForceAndStartsAmendmentThroughIssuance()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.BuildIn(RegulationStage.Filed);
        Filing filing = RegulationBuilder.FilingFor(regulation);
        filing.Return(["Bổ sung quy định về chế độ thông tin, báo cáo."], "duk-van-phong", TestData.Days(12));

        AmendmentCycle amendment = regulation.ApplyFilingReturned(filing, "amend-1", TestData.Days(12));
        builder.Approve(regulation);
        RegulationBuilder.Issue(regulation, RegulationBuilder.IssuanceFor(regulation, 2, new DateOnly(2026, 5, 4)));

        Assert.Equal(RegulationStage.InForce, regulation.Stage);
        Assert.Equal(AmendmentReason.ReturnedByUpperLevel, amendment.Reason);
        Assert.Equal(["Bổ sung quy định về chế độ thông tin, báo cáo."], amendment.Reasons);
        Assert.Equal(AmendmentStatus.Issued, amendment.Status);
        Assert.Equal("02-QC/ĐU", regulation.CurrentIssuance!.Number.Symbol);
        Assert.Equal(new DateOnly(2026, 11, 4), regulation.NextReviewDue);
    }

    [Fact]
    public void ApplyFilingAcknowledged_AmendmentFiling_CompletesAmendment()
    {
        RegulationBuilder builder = new();
        Regulation regulation = builder.BuildIn(RegulationStage.InForce);
        regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Amend), "amend-1", TestData.Days(200));
        builder.Approve(regulation);
        RegulationBuilder.Issue(regulation, RegulationBuilder.IssuanceFor(regulation, 2, new DateOnly(2026, 10, 1)));
        Filing filing = RegulationBuilder.FilingFor(regulation, "filing-2");
        regulation.File(filing);
        filing.Acknowledge("duk-van-phong", TestData.Days(220));

        regulation.ApplyFilingAcknowledged(filing);

        Assert.Null(regulation.ActiveAmendment);
        Assert.Equal(AmendmentStatus.Acknowledged, regulation.Amendments.Single().Status);
        Assert.Equal(["filing-1", "filing-2"], regulation.FilingIds);
        Assert.Equal(RegulationStage.InForce, regulation.Stage);
    }

    [Fact]
    public void ApplyReview_Keep_SchedulesNextReviewFromMeeting()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);

        AmendmentCycle? amendment = regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Keep), null, TestData.Days(200));

        Assert.Null(amendment);
        Assert.Equal(new DateOnly(2026, 9, 18), regulation.LastReviewDate);
        Assert.Equal(new DateOnly(2027, 3, 18), regulation.NextReviewDue);
    }

    [Fact]
    public void ApplyReview_AmendWhileAmendmentUnderWay_Throws()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);
        regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Amend), "amend-1", TestData.Days(200));

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Amend, "review-2"), "amend-2", TestData.Days(200)));

        Assert.Contains("amendment is InProgress", error.Message, StringComparison.Ordinal);
        Assert.Single(regulation.Amendments);
    }

    [Fact]
    public void ApplyReview_Repeal_EndsRegulationAndAbandonsAmendment()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);
        regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Amend), "amend-1", TestData.Days(200));

        regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Repeal, "review-2"), null, TestData.Days(200));

        Assert.Equal(RegulationStage.Repealed, regulation.Stage);
        Assert.Equal(AmendmentStatus.Abandoned, regulation.Amendments.Single().Status);
        Assert.Null(regulation.NextReviewDue);
        Assert.Throws<InvalidTransitionException>(() => regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Keep, "review-3"), null, TestData.Days(210)));
    }

    [Fact]
    public void ApplyReview_ReviewNotRecorded_Throws()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);
        PeriodicReview scheduled = new("review-1", regulation.Id, regulation.NextReviewDue!.Value);

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(() => regulation.ApplyReview(scheduled, null, TestData.Days(190)));

        Assert.Contains("periodic review is Scheduled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartVote_AmendmentStillDrafting_ThrowsNamingAmendmentStage()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.InForce);
        regulation.ApplyReview(RecordedReview(regulation, ReviewOutcome.Amend), "amend-1", TestData.Days(200));
        ConsultationRound closed = new ConsultationRoundBuilder().Build();
        closed.CloseIfDue(ConsultationRoundBuilder.Deadline);

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(
            () => regulation.StartVote(new VoteRoundBuilder().Build(), new ResolutionSheet(closed)));

        Assert.Equal("Cannot start a vote: amendment is Drafting.", error.Message);
    }

    [Fact]
    public void Issue_WithoutFinalDocumentHash_Throws()
    {
        Regulation regulation = new RegulationBuilder().BuildIn(RegulationStage.Approved);
        Issuance issuance = RegulationBuilder.IssuanceFor(regulation, 1, new DateOnly(2026, 3, 16)) with { FinalDocumentHash = default };

        Assert.Throws<ArgumentException>(() => RegulationBuilder.Issue(regulation, issuance));

        Assert.Equal(RegulationStage.Approved, regulation.Stage);
    }

    private static PeriodicReview RecordedReview(Regulation regulation, ReviewOutcome outcome, string id = "review-1")
    {
        PeriodicReview review = new(id, regulation.Id, regulation.NextReviewDue ?? new DateOnly(2026, 9, 16));
        review.Record(new DateOnly(2026, 9, 18), TestData.Hash($"minutes/{id}"), outcome, "Rà soát định kỳ 6 tháng.", "van-phong", TestData.Days(190));
        return review;
    }
}
