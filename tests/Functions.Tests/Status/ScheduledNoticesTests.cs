using System.Security.Claims;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.Lifecycle;
using QuyCheWorkflow.Testing;
using static QuyCheWorkflow.Functions.Tests.Lifecycle.LifecycleWalk;

namespace QuyCheWorkflow.Functions.Tests.Status;

/// <summary>The status and the timeline show a regulation's next notices, then, once the clock passed them, the sent ones.</summary>
public sealed class ScheduledNoticesTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const string Org = "du-stc";
    private const string RegulationId = "qc-stc";

    private static readonly ClaimsPrincipal s_administrator = new(new ClaimsIdentity(
        [new Claim(QuyCheWorkflowClaimTypes.Role, nameof(ApiRole.Administrator))], "test"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Vn(int year, int month, int day, int hour) => new(year, month, day, hour - 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StatusAndTimeline_ConsultationReminder_ShownScheduledThenSentOnceTheClockPassesIt()
    {
        // Monday 7 December 2026; the deadline is Monday 14 December, 17:00: reminders on Thursday 10 and Monday 14, 08:00.
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, Vn(2026, 12, 7, 9));
        await host.AddOrganisationsAsync(Org, "ĐU");
        await host.Workflow.CreateRegulationAsync(Org, RegulationId, "Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Tài chính", null, Clerk, Ct);
        await host.Workflow.UploadDraftAsync(Org, RegulationId, Docx("stc v1"), "Dự thảo lần 1.docx", DraftVersion.DocxContentType, Clerk, Ct);
        var round = await host.Workflow.OpenConsultationAsync(
            Org, RegulationId, [host.Recipient(1), host.Recipient(2), host.Recipient(3)], Vn(2026, 12, 14, 17), Clerk, Ct);
        await host.SettleAsync();
        await host.Workflow.AnswerConsultationAsync(RegulationId, round.Id, "r1", true, [], new Actor("r1", "Phạm Văn Nam 1", "link"), Ct);
        await host.SettleAsync();
        var reports = Reports(host);
        string[] stillDue = ["Phạm Văn Nam 2", "Phạm Văn Nam 3"];

        var before = await RowAsync(reports);
        var timelineBefore = (await reports.ReadTimelineAsync(s_administrator, RegulationId, Ct))!.Notices;

        Assert.Equal(NoticeKind.ConsultationReminder, before.NextNotice!.Kind);
        Assert.Equal(Vn(2026, 12, 10, 8), before.NextNotice.At);
        Assert.Equal("10/12/2026 08:00", before.NextNotice.AtText);
        Assert.Equal(stillDue, before.NextNotice.To);
        Assert.Equal(("Nhắc góp ý dự thảo", true, "Dự kiến"), (before.NextNotice.KindLabel, before.NextNotice.IsScheduled, before.NextNotice.StateLabel));
        Assert.Equal(NoticeKind.ConsultationInvitation, before.LastNotice!.Kind);
        Assert.Equal(["Phạm Văn Nam 1", .. stillDue], before.LastNotice.To.Order(StringComparer.Ordinal));
        Assert.Equal("Đã gửi", before.LastNotice.StateLabel);
        Assert.Equal(
            [
                (NoticeKind.ConsultationInvitation, false),
                (NoticeKind.ConsultationReminder, true),
                (NoticeKind.ConsultationReminder, true),
            ],
            timelineBefore.Select(n => (n.Kind, n.IsScheduled)));
        Assert.Equal(["10/12/2026 08:00", "14/12/2026 08:00"], timelineBefore.Where(n => n.IsScheduled).Select(n => n.AtText));

        await host.AdvanceToAsync(Vn(2026, 12, 10, 12));
        var after = await RowAsync(reports);
        var timelineAfter = (await reports.ReadTimelineAsync(s_administrator, RegulationId, Ct))!.Notices;

        Assert.Equal((NoticeKind.ConsultationReminder, Vn(2026, 12, 14, 8)), (after.NextNotice!.Kind, after.NextNotice.At));
        Assert.Equal((NoticeKind.ConsultationReminder, "10/12/2026 08:00", false), (after.LastNotice!.Kind, after.LastNotice.AtText, after.LastNotice.IsScheduled));
        Assert.Equal(stillDue, after.LastNotice.To.Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                (NoticeKind.ConsultationInvitation, "Đã gửi"),
                (NoticeKind.ConsultationReminder, "Đã gửi"),
                (NoticeKind.ConsultationReminder, "Dự kiến"),
            ],
            timelineAfter.Select(n => (n.Kind, n.StateLabel)));
        Assert.Equal("14/12/2026 08:00", timelineAfter[2].AtText);
    }

    private static StatusReports Reports(LifecycleHost host) => new(
        host.Get<StatusProjection>(),
        host.Get<OrganisationStore>(),
        host.Get<RegulationStore>(),
        host.Get<ConsultationRecipientStore>(),
        host.Get<RegulationIndex>(),
        host.Get<AuditLog>(),
        host.Get<NoticeOutlook>(),
        new OrganisationAccess(host.Get<OrganisationStore>()),
        host.Clock);

    private static async Task<OrganisationStatusResponse> RowAsync(StatusReports reports) =>
        (await reports.ReadAsync(s_administrator, StatusQuery.Everything with { OrganisationId = Org }, Ct))!
            .Organisations.Single(o => o.OrganisationId == Org);
}
