using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;
using static QuyCheWorkflow.Functions.Tests.Lifecycle.LifecycleWalk;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

public sealed class RegulationWorkflowTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private const string Org = "du-cq";
    private readonly LifecycleTestContext _ctx = new(azurite);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateRegulationAsync_NewId_StoresIndexesAuditsAndRefreshesStatus()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);

        var created = await _ctx.Workflow.CreateRegulationAsync(Org, "qc-1", "Quy chế làm việc nhiệm kỳ 2025–2030", null, Clerk, Ct);

        Assert.Equal(StateTestDataTerm, created.Term);
        Assert.Equal(Org, await _ctx.Workflow.FindOrganisationIdAsync("qc-1", Ct));
        var audit = Assert.Single(await _ctx.AuditAsync("qc-1", Ct));
        Assert.Equal("regulation.created", audit.Record.Action);
        Assert.Equal("van-phong", audit.Record.ActorId);
        var status = (await _ctx.Get<StatusProjection>().QuerySubtreeAsync(Org, cancellationToken: Ct)).Single(s => s.OrganisationId == Org);
        Assert.NotEqual("Chưa có quy chế", status.StageLabel);
    }

    [Fact]
    public async Task CreateRegulationAsync_IdTakenByAnotherOrganisation_ThrowsAndChangesNothing()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await _ctx.Get<OrganisationStore>().CreateAsync(QuyCheWorkflow.Functions.Tests.State.StateTestData.Organisation("du-khac", "duk"), Ct);
        await _ctx.Workflow.CreateRegulationAsync(Org, "qc-1", "Quy chế", null, Clerk, Ct);

        await Assert.ThrowsAsync<DomainException>(() => _ctx.Workflow.CreateRegulationAsync("du-khac", "qc-1", "Quy chế khác", null, Clerk, Ct));

        Assert.Equal(Org, await _ctx.Workflow.FindOrganisationIdAsync("qc-1", Ct));
        Assert.Null(await _ctx.Get<RegulationStore>().GetAsync("du-khac", "qc-1", Ct));
        Assert.Single(await _ctx.AuditAsync("qc-1", Ct));
    }

    [Fact]
    public async Task CreateRegulationAsync_UnknownOrganisation_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<LifecycleNotFoundException>(() => _ctx.Workflow.CreateRegulationAsync("khong-co", "qc-1", "Quy chế", null, Clerk, Ct));

        Assert.Null(await _ctx.Workflow.FindOrganisationIdAsync("qc-1", Ct));
    }

    [Fact]
    public async Task UploadDraftAsync_TwoVersions_StoresBlobsAndNumbersThem()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await DraftedAsync(_ctx, Org, "qc-1", Ct);

        var second = await _ctx.Workflow.UploadDraftAsync(Org, "qc-1", Docx("v2"), "Dự thảo lần 2.docx", DraftVersion.DocxContentType, Clerk, Ct);

        Assert.Equal(2, second.Number);
        var stored = await _ctx.Get<DocumentStore>().DownloadAsync(second.ContentHash, Ct);
        Assert.Equal("Dự thảo lần 2.docx", stored!.FileName);
        Assert.Equal(Docx("v2"), stored.Content.ToArray());
    }

    [Fact]
    public async Task UploadDraftAsync_WhileInConsultation_ThrowsAndStoresNothing()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await DraftedAsync(_ctx, Org, "qc-1", Ct);
        await _ctx.Workflow.OpenConsultationAsync(Org, "qc-1", [Recipient(1)], _ctx.Clock.GetUtcNow().AddDays(7), Clerk, Ct);
        var before = await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct);
        int auditBefore = (await _ctx.AuditAsync("qc-1", Ct)).Count;

        var refused = await Assert.ThrowsAsync<InvalidTransitionException>(() =>
            _ctx.Workflow.UploadDraftAsync(Org, "qc-1", Docx("late"), "Dự thảo muộn.docx", DraftVersion.DocxContentType, Clerk, Ct));

        Assert.Equal("InConsultation", refused.CurrentState);
        Assert.Null(await _ctx.Get<DocumentStore>().DownloadAsync(ContentHash.Of(Docx("late")), Ct));
        var after = await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct);
        Assert.Equal(before!.ETag, after!.ETag);
        Assert.Equal(auditBefore, (await _ctx.AuditAsync("qc-1", Ct)).Count);
    }

    [Fact]
    public async Task OpenConsultationAsync_TwoRecipients_StoresContactsAndStartsRoundOrchestration()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await DraftedAsync(_ctx, Org, "qc-1", Ct);

        var round = await _ctx.Workflow.OpenConsultationAsync(Org, "qc-1", [Recipient(1), Recipient(2)], _ctx.Clock.GetUtcNow().AddDays(7), Clerk, Ct);

        Assert.Equal("consultation-1", round.Id);
        Assert.Equal(Recipient(2), await _ctx.Workflow.GetConsultationRecipientAsync("qc-1", round.Id, "r2", Ct));
        Assert.Equal(2, (await _ctx.Get<ConsultationRecipientStore>().ListAsync("qc-1", round.Id, Ct)).Count);
        var instance = await _ctx.Durable.GetInstanceAsync("consultation|qc-1|consultation-1", cancellation: Ct);
        Assert.Equal(LifecycleOrchestrations.ConsultationRoundOrchestratorName, instance!.Name);
    }

    [Theory]
    [InlineData("r1@")]
    [InlineData("Trần Văn Bình <r1@example.vn>")]
    public async Task OpenConsultationAsync_RecipientWithoutAnAddressMailCanReach_RefusedWithCodeAndOpensNothing(string email)
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await DraftedAsync(_ctx, Org, "qc-1", Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() => _ctx.Workflow.OpenConsultationAsync(
            Org, "qc-1", [Recipient(1) with { Email = email }], _ctx.Clock.GetUtcNow().AddDays(7), Clerk, Ct));

        Assert.Equal(RefusalCode.EmailAddressInvalid, refused.Code);
        Assert.Equal(email, refused.Facts["email"]);
        Assert.Empty(Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value).InitialCycle.ConsultationRoundIds);
    }

    [Fact]
    public async Task AnswerConsultationAsync_NotAgreeingWithoutComment_RefusedWithCodeAndRecordsNothing()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await DraftedAsync(_ctx, Org, "qc-1", Ct);
        var round = await _ctx.Workflow.OpenConsultationAsync(Org, "qc-1", [Recipient(1), Recipient(2)], _ctx.Clock.GetUtcNow().AddDays(7), Clerk, Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(
            () => _ctx.Workflow.AnswerConsultationAsync("qc-1", round.Id, "r1", false, [], Clerk, Ct));
        var agreeing = await Assert.ThrowsAsync<DomainException>(
            () => _ctx.Workflow.AnswerConsultationAsync("qc-1", round.Id, "r1", true, [new CommentInput(2, "Sửa Điều 2.")], Clerk, Ct));

        Assert.Equal(RefusalCode.ConsultationCommentMissing, refused.Code);
        Assert.Equal(RefusalCode.ConsultationAgreementWithComments, agreeing.Code);
        Assert.Empty((await _ctx.Get<ConsultationStore>().GetRoundAsync("qc-1", round.Id, Ct))!.Value.Responses);
    }

    [Fact]
    public async Task AnswerConsultationAsync_SecondAnswerWhileOpen_NotRecordedAndKeepsFirst()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await DraftedAsync(_ctx, Org, "qc-1", Ct);
        var round = await _ctx.Workflow.OpenConsultationAsync(Org, "qc-1", [Recipient(1), Recipient(2)], _ctx.Clock.GetUtcNow().AddDays(7), Clerk, Ct);
        await _ctx.Workflow.AnswerConsultationAsync("qc-1", round.Id, "r1", true, [], Clerk, Ct);
        var before = await _ctx.Get<ConsultationStore>().GetRoundAsync("qc-1", round.Id, Ct);

        var second = await _ctx.Workflow.AnswerConsultationAsync("qc-1", round.Id, "r1", false, [new CommentInput(null, "Đổi ý.")], Clerk, Ct);

        Assert.False(second.Recorded);
        Assert.Equal(ResponseKind.Agree, second.Round.Responses.Single().Kind);
        Assert.Equal(before!.ETag, (await _ctx.Get<ConsultationStore>().GetRoundAsync("qc-1", round.Id, Ct))!.ETag);
    }

    [Fact]
    public async Task AnswerConsultationAsync_LastAnswer_ClosesRoundAndStartsResolving()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await DraftedAsync(_ctx, Org, "qc-1", Ct);
        var round = await _ctx.Workflow.OpenConsultationAsync(Org, "qc-1", [Recipient(1), Recipient(2)], _ctx.Clock.GetUtcNow().AddDays(7), Clerk, Ct);
        await _ctx.Workflow.AnswerConsultationAsync("qc-1", round.Id, "r1", false, [new CommentInput(3, "Làm rõ Điều 3."), new CommentInput(null, "Rà soát chính tả.")], Clerk, Ct);

        var last = await _ctx.Workflow.AnswerConsultationAsync("qc-1", round.Id, "r2", true, [], Clerk, Ct);

        Assert.True(last.Recorded);
        Assert.Equal(ConsultationStatus.Closed, last.Round.Status);
        var regulation = Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value);
        Assert.Equal(RegulationStage.Resolving, regulation.Stage);
        var sheet = await _ctx.Get<ConsultationStore>().GetSheetAsync("qc-1", round.Id, Ct);
        Assert.Equal(["r1#1", "r1#2"], sheet!.Value.Comments.Select(c => c.CommentId));
    }

    [Fact]
    public async Task CloseConsultationIfDueAsync_BeforeAndAfterDeadline_ClosesOnlyAfter()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await DraftedAsync(_ctx, Org, "qc-1", Ct);
        var round = await _ctx.Workflow.OpenConsultationAsync(Org, "qc-1", [Recipient(1), Recipient(2)], _ctx.Clock.GetUtcNow().AddDays(7), Clerk, Ct);
        await _ctx.Workflow.AnswerConsultationAsync("qc-1", round.Id, "r1", true, [], Clerk, Ct);

        var early = await _ctx.Workflow.CloseConsultationIfDueAsync("qc-1", round.Id, Ct);
        _ctx.Clock.Advance(TimeSpan.FromDays(7));
        var due = await _ctx.Workflow.CloseConsultationIfDueAsync("qc-1", round.Id, Ct);

        Assert.Equal(ConsultationStatus.Open, early.Status);
        Assert.Equal(ConsultationStatus.Closed, due.Status);
        Assert.Equal(ConsultationCloseReason.DeadlineReached, due.CloseReason);
        Assert.Equal(RegulationStage.Resolving, Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value).Stage);
    }

    [Fact]
    public async Task SubmitForVoteAsync_CommentUnresolved_ThrowsAndChangesNothing()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await DraftedAsync(_ctx, Org, "qc-1", Ct);
        var round = await _ctx.Workflow.OpenConsultationAsync(Org, "qc-1", [Recipient(1)], _ctx.Clock.GetUtcNow().AddDays(7), Clerk, Ct);
        await _ctx.Workflow.AnswerConsultationAsync("qc-1", round.Id, "r1", false, [new CommentInput(2, "Sửa Điều 2.")], Clerk, Ct);
        var before = await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct);

        await Assert.ThrowsAsync<UnresolvedCommentsException>(() => _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(3), Clerk, Ct));

        Assert.Equal(before!.ETag, (await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.ETag);
        Assert.Null(await _ctx.Get<VoteRoundStore>().GetAsync("qc-1", "vote-1", Ct));
    }

    [Fact]
    public async Task CastBallotAsync_ThirdAgreeOfFive_ApprovesAndLaterBallotsAreRefused()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);

        var vote = await ApprovedAsync(_ctx, Org, "qc-1", Ct);

        Assert.Equal(VoteRoundStatus.Passed, vote.Status);
        Assert.Equal(RegulationStage.Approved, Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value).Stage);
        var refused = await Assert.ThrowsAsync<InvalidTransitionException>(() =>
            _ctx.Workflow.CastBallotAsync("qc-1", vote.Id, "m4", VoteChoice.Disagree, "Chưa đồng ý.", Clerk, Ct));
        Assert.Equal("Passed", refused.CurrentState);
        Assert.Contains(await _ctx.AuditAsync("qc-1", Ct), e => e.Record.Action == "vote.decided");
    }

    [Fact]
    public async Task CastBallotAsync_ConcurrentBallots_AllRecorded()
    {
        await _ctx.AddOrganisationAsync(Org, committeeSize: 9, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        var vote = await _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(5), Clerk, Ct);

        string[] members = ["m1", "m2", "m3", "m4"];
        await Task.WhenAll(members.Select(m =>
            _ctx.Workflow.CastBallotAsync("qc-1", vote.Id, m, VoteChoice.Agree, null, Clerk, Ct)));

        var stored = await _ctx.Get<VoteRoundStore>().GetAsync("qc-1", vote.Id, Ct);
        Assert.Equal(4, stored!.Value.Ballots.Count);
        Assert.Equal(VoteRoundStatus.Open, stored.Value.Status);
    }

    [Fact]
    public async Task CastBallotAsync_MajorityDisagrees_ReturnsToResolvingWithReasons()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        var vote = await _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(5), Clerk, Ct);

        foreach (string member in new[] { "m1", "m2", "m3" })
        {
            vote = await _ctx.Workflow.CastBallotAsync("qc-1", vote.Id, member, VoteChoice.Disagree, "Chưa quy định rõ chế độ báo cáo.", Clerk, Ct);
        }

        Assert.Equal(VoteRoundStatus.Failed, vote.Status);
        var regulation = Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value);
        Assert.Equal(RegulationStage.Resolving, regulation.Stage);
        Assert.Contains("Nguyễn Thị Ánh 2 (Không đồng ý): Chưa quy định rõ chế độ báo cáo.", regulation.VoteFailureReasons);
    }

    [Fact]
    public async Task ExtendVoteDeadlineAsync_ExpiredUndecided_ReopensWithNewDeadline()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        var vote = await _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(2), Clerk, Ct);
        _ctx.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(VoteRoundStatus.ExpiredUndecided, (await _ctx.Workflow.ExpireVoteIfDueAsync("qc-1", vote.Id, Ct)).Status);

        var extended = await _ctx.Workflow.ExtendVoteDeadlineAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(4), Clerk, Ct);

        Assert.Equal(VoteRoundStatus.Open, extended.Status);
        Assert.Equal(_ctx.Clock.GetUtcNow().AddDays(4), extended.Deadline);
    }

    [Fact]
    public async Task RecordInPersonResultAsync_Failed_StoresMinutesAndReturnsToResolving()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        await _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(2), Clerk, Ct);
        byte[] minutes = Docx("biên bản họp");

        var round = await _ctx.Workflow.RecordInPersonResultAsync(Org, "qc-1", Today(), false, 2, 3, 0, minutes, "Biên bản.pdf", "application/pdf", Clerk, Ct);

        Assert.Equal(VoteRoundStatus.Failed, round.Status);
        Assert.NotNull(await _ctx.Get<DocumentStore>().DownloadAsync(ContentHash.Of(minutes), Ct));
        var regulation = Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value);
        Assert.Equal(RegulationStage.Resolving, regulation.Stage);
        Assert.Contains(regulation.VoteFailureReasons, r => r.Contains("3 không đồng ý", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, false, 2, 3, 0)] // the meeting is tomorrow
    [InlineData(-1, false, 2, 3, 0)] // the meeting was before the round opened
    [InlineData(0, true, 2, 3, 0)] // passed with 2 of 5 agreeing
    [InlineData(0, false, 3, 2, 0)] // failed with 3 of 5 agreeing
    [InlineData(0, false, 2, 3, 1)] // 6 votes from 5 members
    public async Task RecordInPersonResultAsync_DateOrCountsWrong_ThrowsAndStoresNothing(int daysFromToday, bool passed, int agree, int disagree, int other)
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        var vote = await _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(2), Clerk, Ct);
        var before = await _ctx.Get<VoteRoundStore>().GetAsync("qc-1", vote.Id, Ct);
        byte[] minutes = Docx("biên bản không hợp lệ " + daysFromToday + passed + agree + disagree + other);

        var refused = await Assert.ThrowsAsync<DomainException>(() => _ctx.Workflow.RecordInPersonResultAsync(
            Org, "qc-1", Today().AddDays(daysFromToday), passed, agree, disagree, other, minutes, "Biên bản.pdf", "application/pdf", Clerk, Ct));

        Assert.IsNotType<InvalidTransitionException>(refused);
        Assert.Equal(daysFromToday != 0 ? RefusalCode.MeetingDateOutsideRound
            : agree + disagree + other > 5 ? RefusalCode.MeetingVotesExceedMembers : RefusalCode.MeetingResultContradictsVotes, refused.Code);
        Assert.Equal(before!.ETag, (await _ctx.Get<VoteRoundStore>().GetAsync("qc-1", vote.Id, Ct))!.ETag);
        Assert.Null(await _ctx.Get<DocumentStore>().DownloadAsync(ContentHash.Of(minutes), Ct));
    }

    [Fact]
    public async Task RecordInPersonResultAsync_Passed_RecordsMeetingDateAndApproves()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        await _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(2), Clerk, Ct);
        _ctx.Clock.Advance(TimeSpan.FromDays(1));

        var round = await _ctx.Workflow.RecordInPersonResultAsync(Org, "qc-1", Today(), true, 4, 1, 0, Docx("biên bản 4/5"), "Biên bản.pdf", "application/pdf", Clerk, Ct);

        Assert.Equal(VoteRoundStatus.Passed, round.Status);
        Assert.Equal(Today(), round.InPersonResult!.MeetingDate);
        Assert.Equal(RegulationStage.Approved, Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value).Stage);
        var entry = (await _ctx.AuditAsync("qc-1", Ct)).Single(e => e.Record.Action == "vote.in-person");
        Assert.Contains(Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.Record.DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAsync_WithFinalDocument_StoresItAsTheIssuedText()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);
        byte[] signed = Docx("bản ký, đóng dấu, số 01-QC/ĐU");

        var issued = await _ctx.Workflow.IssueAsync(Org, "qc-1", IssueDay(2026, 3, 20), "m1", null,
            new FinalDocument(signed, "01-QC-DU.pdf", "application/pdf"), Clerk, Ct);

        Assert.Equal(ContentHash.Of(signed), issued.CurrentIssuance!.FinalDocumentHash);
        var stored = await _ctx.Get<DocumentStore>().DownloadAsync(ContentHash.Of(signed), Ct);
        Assert.Equal("01-QC-DU.pdf", stored!.FileName);
        var entry = (await _ctx.AuditAsync("qc-1", Ct)).Single(e => e.Record.Action == "regulation.issued");
        Assert.Contains(ContentHash.Of(signed).ToString(), entry.Record.SubjectIds);
        Assert.Contains(ContentHash.Of(Docx("qc-1 v1")).ToString(), entry.Record.DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAsync_WithFinalDocumentBeforeApproval_StoresNothing()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        byte[] signed = Docx("bản ký quá sớm");

        await Assert.ThrowsAsync<InvalidTransitionException>(() => _ctx.Workflow.IssueAsync(Org, "qc-1", IssueDay(2026, 3, 20), "m1", null,
            new FinalDocument(signed, "01-QC-DU.pdf", "application/pdf"), Clerk, Ct));

        Assert.Null(await _ctx.Get<DocumentStore>().DownloadAsync(ContentHash.Of(signed), Ct));
    }

    [Fact]
    public async Task CastBallotAsync_ManyAtOnce_StatusRowEndsWithEveryBallotCounted()
    {
        await _ctx.AddOrganisationAsync(Org, committeeSize: 7, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        var vote = await _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(2), Clerk, Ct);

        // Three agree, three others disagree, all at once: each ballot's status refresh races the others', and
        // the round stays undecided (3 of 7 agree, m7 has not voted).
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => _ctx.Workflow.CastBallotAsync(
            "qc-1", vote.Id, $"m{i}", i <= 3 ? VoteChoice.Agree : VoteChoice.Disagree, i <= 3 ? null : "Chưa phù hợp.", Clerk, Ct), Ct)));

        var status = (await _ctx.Get<StatusProjection>().QuerySubtreeAsync(Org, cancellationToken: Ct)).Single(s => s.OrganisationId == Org);
        Assert.Equal(["m7"], status.PendingIds);
        Assert.Equal(6, (await _ctx.Get<VoteRoundStore>().GetAsync("qc-1", vote.Id, Ct))!.Value.Ballots.Count);
    }

    [Fact]
    public async Task CastBallotAsync_FourteenOfFifteenAtOnce_AllRecorded()
    {
        await _ctx.AddOrganisationAsync(Org, committeeSize: 15, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        var vote = await _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(5), Clerk, Ct);

        // Seven agree and seven disagree: no side reaches eight of fifteen, so every ballot stays castable.
        await Task.WhenAll(Enumerable.Range(1, 14).Select(i => Task.Run(() => _ctx.Workflow.CastBallotAsync(
            "qc-1", vote.Id, $"m{i}", i % 2 == 0 ? VoteChoice.Agree : VoteChoice.Disagree, i % 2 == 0 ? null : "Chưa phù hợp.", Clerk, Ct), Ct)));

        var stored = (await _ctx.Get<VoteRoundStore>().GetAsync("qc-1", vote.Id, Ct))!.Value;
        Assert.Equal(14, stored.Ballots.Count);
        Assert.Equal(VoteRoundStatus.Open, stored.Status);
    }

    [Fact]
    public async Task CastBallotAsync_OnRoundReadBeforeAnotherBallot_CastsOnTheFreshRoundKeepingBoth()
    {
        await _ctx.AddOrganisationAsync(Org, committeeSize: 7, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);
        var vote = await _ctx.Workflow.SubmitForVoteAsync(Org, "qc-1", _ctx.Clock.GetUtcNow().AddDays(2), Clerk, Ct);
        var readByPage = (await _ctx.Get<VoteRoundStore>().GetAsync("qc-1", vote.Id, Ct))!;
        await _ctx.Workflow.CastBallotAsync("qc-1", vote.Id, "m1", VoteChoice.Agree, null, Clerk, Ct);

        var round = await _ctx.Workflow.CastBallotAsync(readByPage, "m2", VoteChoice.Disagree, "Chưa phù hợp.", Clerk, Ct);

        Assert.Equal(["m1", "m2"], round.Ballots.Select(b => b.MemberId).Order());
        var stored = (await _ctx.Get<VoteRoundStore>().GetAsync("qc-1", vote.Id, Ct))!.Value;
        Assert.Equal(["m1", "m2"], stored.Ballots.Select(b => b.MemberId).Order());
        var status = (await _ctx.Get<StatusProjection>().QuerySubtreeAsync(Org, cancellationToken: Ct)).Single(s => s.OrganisationId == Org);
        Assert.DoesNotContain("m1", status.PendingIds);
        Assert.DoesNotContain("m2", status.PendingIds);
    }

    [Fact]
    public async Task IssueAsync_BeforeApproval_ThrowsAndTakesNoNumber()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ResolvedAsync(_ctx, Org, "qc-1", Ct);

        await Assert.ThrowsAsync<InvalidTransitionException>(() =>
            _ctx.Workflow.IssueAsync(Org, "qc-1", IssueDay(2026, 3, 20), "m1", null, Clerk, Ct));

        Assert.Empty(await _ctx.Get<DocumentNumberRegistry>().ListAsync(Org, StateTestDataTerm, QuyCheWorkflow.Domain.Numbering.DocumentType.Regulation, Ct));
    }

    [Fact]
    public async Task IssueAsync_TwoRegulations_NumbersThemInTurnAndSupersedes()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);
        var first = await _ctx.Workflow.IssueAsync(Org, "qc-1", IssueDay(2026, 3, 20), "m1", null, Clerk, Ct);
        await ApprovedAsync(_ctx, Org, "qc-2", Ct);

        var second = await _ctx.Workflow.IssueAsync(Org, "qc-2", IssueDay(2026, 4, 1), "m1", "qc-1", Clerk, Ct);

        Assert.Equal("01-QC/ĐU", first.CurrentIssuance!.Number.Symbol);
        Assert.Equal("02-QC/ĐU", second.CurrentIssuance!.Number.Symbol);
        var superseded = Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value);
        Assert.Equal(RegulationStage.Superseded, superseded.Stage);
        Assert.Equal("qc-2", superseded.SupersededByRegulationId);
    }

    [Fact]
    public async Task FileAsync_ReturnedThenAcknowledged_AmendsAndPutsInForceWithReviewCycle()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);
        await _ctx.Workflow.IssueAsync(Org, "qc-1", IssueDay(2026, 3, 20), "m1", null, Clerk, Ct);
        var filing = await _ctx.Workflow.FileAsync(Org, "qc-1", Clerk, Ct);
        Assert.Equal("duk", filing.UpperLevelOrganisationId);
        Assert.NotNull(await _ctx.Durable.GetInstanceAsync("filing|qc-1|filing-1", cancellation: Ct));

        var returned = await _ctx.Workflow.ReturnFilingAsync("qc-1", filing.Id, ["Điều 5 chưa phù hợp quy định của cấp trên."], new Actor("duk", "Đảng ủy Khối", "link"), Ct);

        Assert.Equal(FilingStatus.Returned, returned.Status);
        var regulation = Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value);
        Assert.Equal(RegulationStage.InForce, regulation.Stage);
        Assert.Equal(AmendmentReason.ReturnedByUpperLevel, regulation.ActiveAmendment!.Reason);
        string reviewId = ReviewIds.For(regulation.NextReviewDue!.Value);
        Assert.NotNull(await _ctx.Get<ReviewStore>().GetAsync("qc-1", reviewId, Ct));
        Assert.NotNull(await _ctx.Durable.GetInstanceAsync("review|qc-1|" + reviewId, cancellation: Ct));
        await Assert.ThrowsAsync<InvalidTransitionException>(() =>
            _ctx.Workflow.AcknowledgeFilingAsync("qc-1", filing.Id, new Actor("duk", "Đảng ủy Khối", "link"), Ct));
    }

    [Fact]
    public async Task RecordReviewAsync_AmendBeforeFilingAcknowledged_ThrowsAndStoresNothing()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);
        await _ctx.Workflow.IssueAsync(Org, "qc-1", IssueDay(2026, 3, 20), "m1", null, Clerk, Ct);
        byte[] minutes = Docx("rà soát");

        var refusal = await Assert.ThrowsAsync<DomainException>(() => _ctx.Workflow.RecordReviewAsync(
            Org, "qc-1", Today(), minutes, "Biên bản rà soát.pdf", "application/pdf", ReviewOutcome.Amend, null, Clerk, Ct));

        Assert.Equal(RefusalCode.ReviewAmendBeforeAcknowledgement, refusal.Code);
        Assert.Null(await _ctx.Get<DocumentStore>().DownloadAsync(ContentHash.Of(minutes), Ct));
    }

    [Fact]
    public async Task RecordReviewAsync_MeetingAfterToday_ThrowsAndStoresNothing()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);
        await _ctx.Workflow.IssueAsync(Org, "qc-1", IssueDay(2026, 3, 20), "m1", null, Clerk, Ct);
        byte[] minutes = Docx("rà soát sớm");

        var refusal = await Assert.ThrowsAsync<DomainException>(() => _ctx.Workflow.RecordReviewAsync(
            Org, "qc-1", Today().AddDays(1), minutes, "Biên bản rà soát.pdf", "application/pdf", ReviewOutcome.Keep, null, Clerk, Ct));

        Assert.Equal(RefusalCode.ReviewDateInFuture, refusal.Code);
        Assert.Null(await _ctx.Get<DocumentStore>().DownloadAsync(ContentHash.Of(minutes), Ct));
        var regulation = Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value);
        Assert.Null(regulation.LastReviewDate);
    }

    [Fact]
    public async Task RecordReviewAsync_KeepBeforeFilingAcknowledged_RecordsAndSchedulesNext()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);
        await _ctx.Workflow.IssueAsync(Org, "qc-1", IssueDay(2026, 3, 20), "m1", null, Clerk, Ct);
        await _ctx.Workflow.FileAsync(Org, "qc-1", Clerk, Ct);
        var meeting = IssueDay(2026, 9, 18);

        var review = await _ctx.Workflow.RecordReviewAsync(Org, "qc-1", meeting, Docx("rà soát khi chờ cấp trên"), "Biên bản.pdf", "application/pdf",
            ReviewOutcome.Keep, null, Clerk, Ct);

        Assert.Equal(PeriodicReviewStatus.Recorded, review.Status);
        var regulation = Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value);
        Assert.Equal(RegulationStage.Filed, regulation.Stage);
        Assert.Equal(meeting, regulation.LastReviewDate);
        Assert.Equal(new DateOnly(2027, 3, 18), regulation.NextReviewDue);
    }

    [Fact]
    public async Task IssueAsync_DateBeforeApproval_ThrowsAndTakesNoNumber()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => _ctx.Workflow.IssueAsync(Org, "qc-1", Today().AddDays(-1), "m1", null, Clerk, Ct));

        Assert.Equal(RefusalCode.IssueDateBeforeApproval, refusal.Code);
        Assert.Empty(await _ctx.Get<DocumentNumberRegistry>().ListAsync(Org, StateTestDataTerm, QuyCheWorkflow.Domain.Numbering.DocumentType.Regulation, Ct));
    }

    [Fact]
    public async Task IssueAsync_StartsTheReviewCycleAtOnce()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);

        var issued = await _ctx.Workflow.IssueAsync(Org, "qc-1", Today(), "m1", null, Clerk, Ct);

        string reviewId = ReviewIds.For(issued.NextReviewDue!.Value);
        Assert.NotNull(await _ctx.Durable.GetInstanceAsync("review|qc-1|" + reviewId, cancellation: Ct));
    }

    [Fact]
    public async Task IssueAsync_SignerByName_SignsWithTheRolesLine()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);
        var secretary = (await _ctx.Get<OrganisationStore>().GetAsync(Org, Ct))!.Value.Committee.Secretary;

        var issued = await _ctx.Workflow.IssueAsync(Org, "qc-1", Today(), secretary.FullName.ToUpperInvariant(), null, Clerk, Ct);

        Assert.Equal(new Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", secretary.FullName), issued.CurrentIssuance!.Signer);
    }

    [Fact]
    public async Task RecordReviewAsync_Keep_SchedulesNextReviewAndItsRow()
    {
        await _ctx.AddOrganisationAsync(Org, ct: Ct);
        await ApprovedAsync(_ctx, Org, "qc-1", Ct);
        await _ctx.Workflow.IssueAsync(Org, "qc-1", IssueDay(2026, 3, 20), "m1", null, Clerk, Ct);
        var filing = await _ctx.Workflow.FileAsync(Org, "qc-1", Clerk, Ct);
        await _ctx.Workflow.AcknowledgeFilingAsync("qc-1", filing.Id, new Actor("duk", "Đảng ủy Khối", "link"), Ct);
        var due = Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value).NextReviewDue!.Value;
        _ctx.Clock.SetUtcNow(QuyCheWorkflow.Domain.Calendar.VietnamTime.ToInstant(due, new TimeOnly(15, 0)));

        var review = await _ctx.Workflow.RecordReviewAsync(Org, "qc-1", due, Docx("rà soát 1"), "Biên bản.pdf", "application/pdf", ReviewOutcome.Keep, "Giữ nguyên.", Clerk, Ct);

        Assert.Equal(PeriodicReviewStatus.Recorded, review.Status);
        Assert.Equal(ReviewIds.For(due), review.Id);
        var regulation = Regulation.FromState((await _ctx.Get<RegulationStore>().GetAsync(Org, "qc-1", Ct))!.Value);
        Assert.Equal(due.AddMonths(6), regulation.NextReviewDue);
        Assert.NotNull(await _ctx.Get<ReviewStore>().GetAsync("qc-1", ReviewIds.For(regulation.NextReviewDue!.Value), Ct));
        Assert.True((await _ctx.Get<AuditLog>().VerifyAsync("qc-1", Ct)).IsValid);
    }

    private DateOnly Today() => QuyCheWorkflow.Domain.Calendar.VietnamTime.DateOf(_ctx.Clock.GetUtcNow());

    /// <summary>The date, with the clock moved to 09:00 of it (Vietnam time) when it is still ahead, so it is not in the future.</summary>
    private DateOnly IssueDay(int year, int month, int day)
    {
        DateOnly date = new(year, month, day);
        if (Today() < date)
        {
            _ctx.Clock.SetUtcNow(QuyCheWorkflow.Domain.Calendar.VietnamTime.ToInstant(date, new TimeOnly(9, 0)));
        }

        return date;
    }

    private static QuyCheWorkflow.Domain.Organisations.Term StateTestDataTerm => QuyCheWorkflow.Functions.Tests.State.StateTestData.Term2025;

    public ValueTask DisposeAsync() => _ctx.DisposeAsync();
}
