using Microsoft.DurableTask.Client;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Testing;
using static QuyCheWorkflow.Functions.Tests.Lifecycle.LifecycleWalk;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>One organisation through three years, on a fake clock, with every orchestration running and mail going to maildev.</summary>
public sealed class RegulationLifecycleScenarioTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const string Org = "du-stc";
    private const string First = "qc-2025";
    private static readonly Actor s_upperLevel = new("duk", "Đảng ủy Khối các cơ quan tỉnh", "link");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Vn(int year, int month, int day, int hour = 9) => new(year, month, day, hour - 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Lifecycle_ThreeYears_ConsultsVotesIssuesFilesReviewsAmendsAndRepeals()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, Vn(2027, 3, 1));
        var organisation = await host.AddOrganisationsAsync(Org, "ĐU");
        var workflow = host.Workflow;

        // Consultation: r1 answers at once, r2 late (after the first reminder), r3 never; closed at the deadline.
        await workflow.CreateRegulationAsync(Org, First, "Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Tài chính nhiệm kỳ 2025–2030", null, Clerk, Ct);
        await workflow.UploadDraftAsync(Org, First, Docx("2025 v1"), "Dự thảo lần 1.docx", DraftVersion.DocxContentType, Clerk, Ct);
        var consultation = await workflow.OpenConsultationAsync(Org, First, [host.Recipient(1), host.Recipient(2), host.Recipient(3)], Vn(2027, 3, 12, 17), Clerk, Ct);
        await workflow.AnswerConsultationAsync(First, consultation.Id, "r1", false, [new CommentInput(3, "Làm rõ nhiệm vụ của Thường trực.")], Clerk, Ct);
        await host.AdvanceToAsync(Vn(2027, 3, 11));
        await workflow.AnswerConsultationAsync(First, consultation.Id, "r2", true, [], Clerk, Ct);
        await host.AdvanceToAsync(Vn(2027, 3, 12, 18));
        Assert.Equal(RegulationStage.Resolving, await StageAsync(host, First));

        // A failed vote returned with reasons, a new draft, then a passed vote.
        await workflow.ResolveCommentAsync(Org, First, "r1#1", QuyCheWorkflow.Domain.Consultations.ResolutionOutcome.Accepted, "Đã bổ sung Điều 3.", Clerk, Ct);
        var failed = await workflow.SubmitForVoteAsync(Org, First, Vn(2027, 3, 19, 17), Clerk, Ct);
        foreach (string member in (string[])["m1", "m2", "m3"])
        {
            await workflow.CastBallotAsync(First, failed.Id, member, VoteChoice.Disagree, "Chưa quy định chế độ thông tin, báo cáo.", Clerk, Ct);
        }

        await host.UntilAsync(() => CompletedAsync(host, LifecycleOrchestrations.VoteInstanceId(First, failed.Id)));
        var regulation = await RegulationAsync(host, First);
        Assert.Equal(RegulationStage.Resolving, regulation.Stage);
        Assert.Contains(regulation.VoteFailureReasons, r => r.EndsWith("Chưa quy định chế độ thông tin, báo cáo.", StringComparison.Ordinal));
        await workflow.UploadDraftAsync(Org, First, Docx("2025 v2"), "Dự thảo lần 2.docx", DraftVersion.DocxContentType, Clerk, Ct);
        await PassVoteAsync(host, First);

        // Issued 01-QC/ĐU; the filing is reminded once, returned with reasons, and the amendment it starts is
        // issued 02-QC/ĐU, filed and acknowledged.
        await host.AdvanceToAsync(Vn(2027, 3, 29));
        var issued = await workflow.IssueAsync(Org, First, new DateOnly(2027, 3, 29), "Lê Thị Hoa du-stc 1", null, Clerk, Ct);
        Assert.Equal("01-QC/ĐU", issued.CurrentIssuance!.Number.Symbol);
        var filing = await workflow.FileAsync(Org, First, Clerk, Ct);
        await host.AdvanceToAsync(Vn(2027, 4, 6, 12));
        await workflow.ReturnFilingAsync(First, filing.Id, ["Điều 7 chưa phù hợp Quy định của Ban Chấp hành Trung ương."], s_upperLevel, Ct);
        await host.UntilAsync(() => CompletedAsync(host, LifecycleOrchestrations.FilingInstanceId(First, filing.Id)));
        regulation = await RegulationAsync(host, First);
        Assert.Equal(RegulationStage.InForce, regulation.Stage);
        Assert.Equal(AmendmentReason.ReturnedByUpperLevel, regulation.ActiveAmendment!.Reason);
        Assert.Equal("02-QC/ĐU", await AmendAsync(host, First, new DateOnly(2027, 5, 10)));

        // Six reviews: kept on time; kept late after overdue notices; amended; kept; kept; repealed.
        regulation = await RegulationAsync(host, First);
        Assert.Equal(new DateOnly(2027, 11, 10), regulation.NextReviewDue);
        await host.AdvanceToAsync(Vn(2027, 11, 10, 15));
        await RecordReviewAsync(host, First, new DateOnly(2027, 11, 10), ReviewOutcome.Keep);

        await host.AdvanceToAsync(Vn(2028, 5, 26, 15));
        await RecordReviewAsync(host, First, new DateOnly(2028, 5, 26), ReviewOutcome.Keep);

        await host.AdvanceToAsync(Vn(2028, 11, 24, 15));
        await RecordReviewAsync(host, First, new DateOnly(2028, 11, 24), ReviewOutcome.Amend);
        Assert.Equal("03-QC/ĐU", await AmendAsync(host, First, new DateOnly(2029, 1, 15)));

        regulation = await RegulationAsync(host, First);
        await host.AdvanceToAsync(Vn(regulation.NextReviewDue!.Value.Year, regulation.NextReviewDue.Value.Month, regulation.NextReviewDue.Value.Day, 15));
        await RecordReviewAsync(host, First, regulation.NextReviewDue.Value, ReviewOutcome.Keep);
        regulation = await RegulationAsync(host, First);
        await host.AdvanceToAsync(Vn(regulation.NextReviewDue!.Value.Year, regulation.NextReviewDue.Value.Month, regulation.NextReviewDue.Value.Day, 15));
        await RecordReviewAsync(host, First, regulation.NextReviewDue.Value, ReviewOutcome.Keep);
        regulation = await RegulationAsync(host, First);
        await host.AdvanceToAsync(Vn(regulation.NextReviewDue!.Value.Year, regulation.NextReviewDue.Value.Month, regulation.NextReviewDue.Value.Day, 15));
        await RecordReviewAsync(host, First, regulation.NextReviewDue.Value, ReviewOutcome.Repeal);
        Assert.Equal(RegulationStage.Repealed, await StageAsync(host, First));

        // A new term: the numbers restart at 01.
        var organisations = host.Get<OrganisationStore>();
        var loaded = (await organisations.GetAsync(Org, Ct))!;
        await organisations.UpdateAsync(loaded.Value.EnterTerm(new QuyCheWorkflow.Domain.Organisations.Term(2030, 2035), loaded.Value.Committee), loaded.ETag, Ct);
        await workflow.CreateRegulationAsync(Org, "qc-2030", "Quy chế làm việc nhiệm kỳ 2030–2035", null, Clerk, Ct);
        await workflow.UploadDraftAsync(Org, "qc-2030", Docx("2030 v1"), "Dự thảo.docx", DraftVersion.DocxContentType, Clerk, Ct);
        await ConsultOneAsync(host, "qc-2030");
        await PassVoteAsync(host, "qc-2030");
        var second = await workflow.IssueAsync(Org, "qc-2030", VietnamDate(host), "Lê Thị Hoa du-stc 1", null, Clerk, Ct);
        Assert.Equal("01-QC/ĐU", second.CurrentIssuance!.Number.Symbol);

        await host.SettleAsync();
        var instances = await host.InstancesAsync();
        Assert.DoesNotContain(instances, i => i.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated);
        Assert.DoesNotContain(instances, i => i.InstanceId.StartsWith("review|" + First + "|", StringComparison.Ordinal) && !i.IsCompleted);
        Assert.True((await host.Get<AuditLog>().VerifyAsync(First, Ct)).IsValid);

        // What the notices table and maildev saw.
        var notices = await host.Get<NoticeLedger>().ListAsync(First, Ct);
        Assert.Equal(
            [(Vn(2027, 3, 10, 8), "r2@" + host.Domain), (Vn(2027, 3, 10, 8), "r3@" + host.Domain), (Vn(2027, 3, 12, 8), "r3@" + host.Domain)],
            notices.Where(n => n.Kind == NoticeKind.ConsultationReminder).Select(n => (n.SentAt, n.To)).OrderBy(n => n.SentAt).ThenBy(n => n.To, StringComparer.Ordinal));
        Assert.Equal(
            ["filing-reminder|filing-1|duk|202704050100"],
            notices.Where(n => n.Kind == NoticeKind.FilingReminder && n.NoticeId.Contains("|filing-1|", StringComparison.Ordinal)).Select(n => n.NoticeId));
        var filingReminder = notices.Single(n => n.Kind == NoticeKind.FilingReminder && n.NoticeId.Contains("|filing-1|", StringComparison.Ordinal));
        Assert.Equal(Vn(2027, 4, 5, 8), filingReminder.SentAt);
        Assert.Equal(
            [Vn(2027, 10, 27, 8), Vn(2027, 11, 5, 8), Vn(2027, 11, 10, 8)],
            notices.Where(n => n.Kind == NoticeKind.ReviewReminder && n.NoticeId.Contains("review-2027-11-10", StringComparison.Ordinal)).Select(n => n.SentAt).Distinct().Order());
        Assert.Equal(Vn(2028, 5, 11, 8), Assert.Single(notices, n => n.Kind == NoticeKind.ReviewOverdueToOrganisation && n.To == "vanphong@" + host.Domain).SentAt);
        Assert.Equal(Vn(2028, 5, 24, 8), Assert.Single(notices, n => n.Kind == NoticeKind.ReviewOverdueToUpperLevel).SentAt);
        Assert.Equal(notices.Count, notices.Select(n => n.NoticeId).Distinct().Count());

        var mails = (await maildev.Maildev.GetEmailsAsync(Ct)).Where(m => m.To.Any(t => t.Address.EndsWith("@" + host.Domain, StringComparison.Ordinal))).ToList();
        Assert.Equal(notices.Count + (await host.Get<NoticeLedger>().ListAsync("qc-2030", Ct)).Count, mails.Count);
        var upperOverdue = Assert.Single(mails, m => m.To.Any(t => t.Address == "vanphong.duk@" + host.Domain) && m.Subject.Contains("quá hạn", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("02-QC/ĐU", upperOverdue.Text ?? upperOverdue.Html, StringComparison.Ordinal);
        var reminderMail = mails.First(m => m.To.Any(t => t.Address == "du-stc.m2@" + host.Domain) && m.Subject.StartsWith("Nhắc rà soát định kỳ", StringComparison.Ordinal));
        Assert.Contains(reminderMail.Attachments!, a => a.ContentType?.StartsWith("text/calendar", StringComparison.Ordinal) == true);
        Assert.Contains(mails, m => m.To.Any(t => t.Address == "du-stc.m4@" + host.Domain) && m.Subject.Contains("không được thông qua", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(mails, m => m.To.Any(t => t.Address == "vanphong@" + host.Domain) && (m.Text ?? string.Empty).Contains("Điều 7 chưa phù hợp", StringComparison.Ordinal));
        _ = organisation;
    }

    private static DateOnly VietnamDate(LifecycleHost host) => QuyCheWorkflow.Domain.Calendar.VietnamTime.DateOf(host.Clock.GetUtcNow());

    [Fact]
    public async Task ExtendVoteDeadline_AfterExpiry_TellsOnlyTheMembersWhoHaveNotVotedTheNewDeadline()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, Vn(2027, 3, 1));
        await host.AddOrganisationsAsync(Org, "ĐU");
        await host.Workflow.CreateRegulationAsync(Org, First, "Quy chế làm việc nhiệm kỳ 2025–2030", null, Clerk, Ct);
        await host.Workflow.UploadDraftAsync(Org, First, Docx("gia han"), "Dự thảo.docx", DraftVersion.DocxContentType, Clerk, Ct);
        await ConsultOneAsync(host, First);
        var vote = await host.Workflow.SubmitForVoteAsync(Org, First, Vn(2027, 3, 5, 17), Clerk, Ct);
        await host.Workflow.CastBallotAsync(First, vote.Id, "m1", VoteChoice.Agree, null, Clerk, Ct);
        await host.AdvanceToAsync(Vn(2027, 3, 8));
        Assert.Equal(VoteRoundStatus.ExpiredUndecided, (await host.Get<VoteRoundStore>().GetAsync(First, vote.Id, Ct))!.Value.Status);

        await host.Workflow.ExtendVoteDeadlineAsync(Org, First, Vn(2027, 3, 12, 17), Clerk, Ct);

        async Task<List<string>> ExtensionNoticesAsync() => [.. (await host.Get<NoticeLedger>().ListAsync(First, Ct))
            .Where(n => n.Kind == NoticeKind.VoteReminder && n.ScheduledFor >= Vn(2027, 3, 8)).Select(n => n.To.Split('@')[0]).Order()];
        await host.UntilAsync(async () => (await ExtensionNoticesAsync()).Count >= 4);
        Assert.Equal(["du-stc.m2", "du-stc.m3", "du-stc.m4", "du-stc.m5"], await ExtensionNoticesAsync());
        var mails = (await maildev.Maildev.GetEmailsAsync(Ct)).Where(m => m.To.Any(t => t.Address == "du-stc.m2@" + host.Domain)).ToList();
        Assert.Contains(mails, m => m.Subject.Contains("12/03/2027", StringComparison.Ordinal));
        Assert.DoesNotContain(await maildev.Maildev.GetEmailsAsync(Ct),
            m => m.To.Any(t => t.Address == "du-stc.m1@" + host.Domain) && m.Subject.Contains("12/03/2027", StringComparison.Ordinal));
    }

    private static async Task<Regulation> RegulationAsync(LifecycleHost host, string regulationId) =>
        Regulation.FromState((await host.Get<RegulationStore>().GetAsync(Org, regulationId, Ct))!.Value);

    private static async Task<RegulationStage> StageAsync(LifecycleHost host, string regulationId) => (await RegulationAsync(host, regulationId)).Stage;

    private static async Task<bool> CompletedAsync(LifecycleHost host, string instanceId) =>
        (await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct))?.IsCompleted == true;

    /// <summary>A consultation of one recipient who agrees at once (which closes it).</summary>
    private static async Task ConsultOneAsync(LifecycleHost host, string regulationId)
    {
        var round = await host.Workflow.OpenConsultationAsync(Org, regulationId, [host.Recipient(1)], host.Clock.GetUtcNow().AddDays(7), Clerk, Ct);
        await host.Workflow.AnswerConsultationAsync(regulationId, round.Id, "r1", true, [], Clerk, Ct);
        await host.UntilAsync(() => CompletedAsync(host, LifecycleOrchestrations.ConsultationInstanceId(regulationId, round.Id)));
    }

    private static async Task PassVoteAsync(LifecycleHost host, string regulationId)
    {
        var vote = await host.Workflow.SubmitForVoteAsync(Org, regulationId, host.Clock.GetUtcNow().AddDays(5), Clerk, Ct);
        foreach (string member in (string[])["m1", "m2", "m3"])
        {
            await host.Workflow.CastBallotAsync(regulationId, vote.Id, member, VoteChoice.Agree, null, Clerk, Ct);
        }

        await host.UntilAsync(() => CompletedAsync(host, LifecycleOrchestrations.VoteInstanceId(regulationId, vote.Id)));
        Assert.Equal(VoteRoundStatus.Passed, (await host.Get<VoteRoundStore>().GetAsync(regulationId, vote.Id, Ct))!.Value.Status);
    }

    /// <summary>Runs the active amendment from draft to an acknowledged filing; returns its number.</summary>
    private static async Task<string> AmendAsync(LifecycleHost host, string regulationId, DateOnly issueDate)
    {
        await host.Workflow.UploadDraftAsync(Org, regulationId, Docx(regulationId + issueDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), "Dự thảo sửa đổi.docx", DraftVersion.DocxContentType, Clerk, Ct);
        await ConsultOneAsync(host, regulationId);
        await PassVoteAsync(host, regulationId);
        await host.AdvanceToAsync(Vn(issueDate.Year, issueDate.Month, issueDate.Day));
        var issued = await host.Workflow.IssueAsync(Org, regulationId, issueDate, "Lê Thị Hoa du-stc 1", null, Clerk, Ct);
        var filing = await host.Workflow.FileAsync(Org, regulationId, Clerk, Ct);

        // The regulation stays in force while its amendment awaits the upper level: the status row says the
        // amendment is filed, so the upper level's inbox finds it, and stops saying so once it is answered.
        var awaiting = await host.Get<StatusProjection>().RefreshAsync(Org, Ct);
        Assert.Equal(RegulationStage.InForce, awaiting.Stage);
        Assert.True(awaiting.IsAmendmentFiled);
        await host.Workflow.AcknowledgeFilingAsync(regulationId, filing.Id, s_upperLevel, Ct);
        await host.UntilAsync(() => CompletedAsync(host, LifecycleOrchestrations.FilingInstanceId(regulationId, filing.Id)));
        Assert.False((await host.Get<StatusProjection>().RefreshAsync(Org, Ct)).IsAmendmentFiled);
        return Regulation.FromState(issued).ActiveAmendment!.Cycle.Issuance!.Number.Symbol;
    }

    private static async Task RecordReviewAsync(LifecycleHost host, string regulationId, DateOnly meetingDate, ReviewOutcome outcome)
    {
        await host.Workflow.RecordReviewAsync(Org, regulationId, meetingDate, Docx("biên bản " + meetingDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            "Biên bản rà soát.pdf", "application/pdf", outcome, outcome == ReviewOutcome.Amend ? "Sửa đổi Điều 9 theo Quy định mới." : null, Clerk, Ct);
        await host.SettleAsync();
    }
}
