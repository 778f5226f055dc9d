using Microsoft.DurableTask.Client;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Testing;
using static QuyCheWorkflow.Functions.Tests.Lifecycle.LifecycleWalk;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

public sealed class ConsultationRoundOrchestratorTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const string Org = "du-stc";

    /// <summary>Monday 1 February 2027, 09:00 Vietnam time.</summary>
    private static readonly DateTimeOffset s_opened = new(2027, 2, 1, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_DeadlineAfterTet_RemindsNonRespondersOnWorkingDaysAt0800AndClosesAtDeadline()
    {
        // Tết Đinh Mùi: Thursday 4 to Friday 12 February 2027 off. The deadline is Monday 15 February, 17:00.
        var tet = Enumerable.Range(0, 9).Select(d => new DateOnly(2027, 2, 4).AddDays(d));
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_opened, tet);
        await host.AddOrganisationsAsync(Org, "ĐU");
        await host.Workflow.CreateRegulationAsync(Org, "qc-stc", "Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Tài chính", null, Clerk, Ct);
        await host.Workflow.UploadDraftAsync(Org, "qc-stc", Docx("stc v1"), "Dự thảo lần 1.docx", DraftVersion.DocxContentType, Clerk, Ct);
        var deadline = new DateTimeOffset(2027, 2, 15, 10, 0, 0, TimeSpan.Zero);

        var round = await host.Workflow.OpenConsultationAsync(Org, "qc-stc", [host.Recipient(1), host.Recipient(2), host.Recipient(3)], deadline, Clerk, Ct);
        await host.Workflow.AnswerConsultationAsync("qc-stc", round.Id, "r1", true, [], new Actor("r1", "Phạm Văn Nam 1", "link"), Ct);
        await host.AdvanceToAsync(new DateTimeOffset(2027, 2, 14, 3, 0, 0, TimeSpan.Zero));
        await host.Workflow.AnswerConsultationAsync("qc-stc", round.Id, "r2", false, [new CommentInput(4, "Bổ sung chế độ họp định kỳ.")], new Actor("r2", "Phạm Văn Nam 2", "link"), Ct);
        await host.AdvanceToAsync(deadline.AddHours(1));
        await host.UntilAsync(async () => (await host.Durable.GetInstanceAsync(
            LifecycleOrchestrations.ConsultationInstanceId("qc-stc", round.Id), cancellation: Ct))!.IsCompleted);

        var notices = await host.Get<NoticeLedger>().ListAsync("qc-stc", Ct);
        var reminders = notices.Where(n => n.Kind == NoticeKind.ConsultationReminder).OrderBy(n => n.SentAt).ToList();
        DateTimeOffset tuesday0800 = new(2027, 2, 2, 1, 0, 0, TimeSpan.Zero);
        DateTimeOffset monday0800 = new(2027, 2, 15, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal(3, notices.Count(n => n.Kind == NoticeKind.ConsultationInvitation));
        Assert.Equal(
            [(tuesday0800, "r2@" + host.Domain), (tuesday0800, "r3@" + host.Domain), (monday0800, "r3@" + host.Domain)],
            reminders.Select(r => (r.SentAt, r.To)).OrderBy(r => r.SentAt).ThenBy(r => r.To, StringComparer.Ordinal));
        Assert.All(reminders, r => Assert.Equal(r.ScheduledFor, r.SentAt));

        var stored = await host.Get<QuyCheWorkflow.Functions.State.ConsultationStore>().GetRoundAsync("qc-stc", round.Id, Ct);
        Assert.Equal(ConsultationStatus.Closed, stored!.Value.Status);
        Assert.Equal(ConsultationCloseReason.DeadlineReached, stored.Value.CloseReason);
        var instance = await host.Durable.GetInstanceAsync(LifecycleOrchestrations.ConsultationInstanceId("qc-stc", round.Id), cancellation: Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);

        var mails = (await maildev.Maildev.GetEmailsAsync(Ct)).Where(m => m.To.Any(t => t.Address == "r3@" + host.Domain)).ToList();
        Assert.Equal(3, mails.Count);
        Assert.Contains(mails, m => m.Subject.StartsWith("Lấy ý kiến góp ý dự thảo", StringComparison.Ordinal));
        Assert.Contains("https://quyche.example.vn/l/", mails[0].Html, StringComparison.Ordinal);
        Assert.DoesNotContain(await maildev.Maildev.GetEmailsAsync(Ct), m => m.To.Any(t => t.Address == "r1@" + host.Domain) && m.Subject.Contains("Nhắc", StringComparison.Ordinal));
    }
}
