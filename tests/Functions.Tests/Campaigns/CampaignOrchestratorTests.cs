using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Lifecycle;
using QuyCheWorkflow.Testing;
using static QuyCheWorkflow.Functions.Tests.Campaigns.CampaignRun;

namespace QuyCheWorkflow.Functions.Tests.Campaigns;

/// <summary>
/// A campaign's orchestration on a fake clock over a seeded tree (bloc "duk" → cs-001…), from its start on Monday
/// 16 November 2026: a deadline of Thursday 31 December 2026 unless a test says otherwise.
/// </summary>
public sealed class CampaignOrchestratorTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const string Title = "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030";

    /// <summary>Monday 16 November 2026, 09:00 Vietnam time.</summary>
    private static readonly DateTimeOffset s_start = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly s_deadline = new(2026, 12, 31);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>08:00 Vietnam time of <paramref name="day"/>.</summary>
    private static DateTimeOffset At8(int year, int month, int day) => new(year, month, day, 1, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Deadline Monday 4 January 2027: the reminders 30 and 1 days before fall on a Saturday and a Sunday and go on
    /// the Friday before; the overdue notices go every Tuesday from 5 January until the end date, 20 January.
    /// </summary>
    [Fact]
    public async Task CampaignOrchestrator_WholeCourse_RemindsOnlyThoseNotDoneThenTheLateWeeklyAndClosesAtTheEnd()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_start);
        await SeedAsync(host, 4);
        await IssueAsync(host, Member(4), new DateOnly(2026, 3, 16));
        var workflow = host.Get<CampaignWorkflow>();

        await workflow.StartAsync(OfficeUser(), Clerk, Issue("dot-1", new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 20)), Ct);
        await host.SettleAsync();
        var waiting = (await host.Durable.GetInstanceAsync(CampaignOrchestrations.InstanceId("dot-1"), cancellation: Ct))!.ReadCustomStatusAs<LifecycleWaitStatus>();
        await host.AdvanceToAsync(At8(2026, 12, 4));
        await IssueAsync(host, Member(2), new DateOnly(2026, 12, 10));
        await AddMemberAsync(host, Member(5));
        await host.AdvanceToAsync(new DateTimeOffset(2027, 1, 21, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new LifecycleWaitStatus("campaign wave before-30", At8(2026, 12, 4)), waiting);
        var mail = await MailAsync(host, maildev);
        Assert.All(mail.GroupBy(m => m.NotificationId), g => Assert.Single(g));
        string[] late = [Member(1), Member(3), Member(5)];
        string[] expected =
        [
            .. WaveIds("dot-1", "before-30", Member(1), Member(2), Member(3)),
            .. WaveIds("dot-1", "before-7", late), .. WaveIds("dot-1", "before-1", late),
            .. WaveIds("dot-1", "overdue-1", late), "campaign|dot-1|overdue-1|summary",
            .. WaveIds("dot-1", "overdue-2", late), "campaign|dot-1|overdue-2|summary",
            .. WaveIds("dot-1", "overdue-3", late), "campaign|dot-1|overdue-3|summary",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), mail.Select(m => m.NotificationId).Order(StringComparer.Ordinal));

        var waves = await host.Get<CampaignNoticeLedger>().ListWavesAsync("dot-1", Ct);
        Assert.Equal(
            [At8(2026, 12, 4), At8(2026, 12, 28), At8(2027, 1, 1), At8(2027, 1, 5), At8(2027, 1, 12), At8(2027, 1, 19)],
            waves.Select(w => w.At));
        Assert.Equal([6, 6, 6, 6, 6, 6], waves.Select(w => w.Sent));
        Assert.All(waves, w => Assert.Equal(0, w.Uncertain));
        Assert.Equal([4, 5, 5, 5, 5, 5], waves.Select(w => w.Members));

        var campaign = (await host.Get<CampaignStore>().GetAsync("dot-1", Ct))!.Value;
        Assert.Equal(CampaignState.Closed, campaign.State);
        Assert.Equal(CampaignCloseReason.EndDateReached, campaign.CloseReason);
        Assert.Equal(new DateTimeOffset(2027, 1, 20, 17, 0, 0, TimeSpan.Zero), campaign.ClosedAt);
        Assert.NotNull(campaign.FinalReport);
        Assert.NotNull(await host.Get<DocumentStore>().DownloadAsync(campaign.FinalReport!.Value, Ct));
        var instance = await host.Durable.GetInstanceAsync(CampaignOrchestrations.InstanceId("dot-1"), cancellation: Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
        var audit = await host.Get<AuditLog>().ReadAsync(OfficeId, Ct).ToListAsync(Ct);
        Assert.Equal(6, audit.Count(e => e.Record.Action == AuditAction.CampaignWaveSent.Code));
        Assert.Single(audit, e => e.Record.Action == AuditAction.CampaignClosed.Code);
    }

    [Fact]
    public async Task CampaignOrchestrator_Mail_IsVietnameseFromTheCampaignsOffice()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_start);
        await SeedAsync(host, 2);
        var workflow = host.Get<CampaignWorkflow>();

        await workflow.StartAsync(OfficeUser(), Clerk, Issue("dot-2", s_deadline, new DateOnly(2027, 1, 5)), Ct);
        await host.AdvanceToAsync(At8(2027, 1, 1));

        var mail = await MailAsync(host, maildev);
        var reminder = Assert.Single(mail, m => m.NotificationId == $"campaign|dot-2|before-30|{Member(1)}|secretary").Mail;
        Assert.Equal($"Nhắc thực hiện đợt chỉ đạo “{Title}”: còn 30 ngày, hạn 31/12/2026", reminder.Subject);
        Assert.Equal("Văn phòng Đảng ủy Khối các cơ quan tỉnh", reminder.From.Single().Name);
        Assert.Contains($"Kính gửi đồng chí Lê Thị Hoa {Member(1)} 1,", reminder.Text);
        Assert.Contains("Thực hiện văn bản số 125-CV/ĐUK ngày 10/10/2026 của Đảng ủy Khối các cơ quan tỉnh", reminder.Text);
        Assert.Contains("Tình trạng hiện nay: Chưa triển khai (Chưa có quy chế)", reminder.Text);
        var office = Assert.Single(mail, m => m.NotificationId == $"campaign|dot-2|before-1|{Member(2)}|office").Mail;
        Assert.Contains($"Kính gửi: Văn phòng Đảng ủy cơ sở {Member(2)},", office.Text);
        var overdue = Assert.Single(mail, m => m.NotificationId == $"campaign|dot-2|overdue-1|{Member(1)}|office").Mail;
        Assert.Equal($"Đợt chỉ đạo “{Title}”: Đảng bộ cơ sở {Member(1)} đã quá hạn 1 ngày (hạn 31/12/2026)", overdue.Subject);
        var summary = Assert.Single(mail, m => m.NotificationId == "campaign|dot-2|overdue-1|summary").Mail;
        Assert.Equal(OfficeMailbox(host, OfficeId), summary.To.Single().Address);
        Assert.Equal($"Tình hình thực hiện đợt chỉ đạo “{Title}” ngày 01/01/2027: 2/2 tổ chức quá hạn", summary.Subject);
        Assert.Contains($"- Đảng bộ cơ sở {Member(1)}", summary.Text);
        Assert.Contains("- Quá hạn: 2", summary.Text);
    }

    [Fact]
    public async Task Wave_OrganisationFinishesMidWave_GetsNothingAndCountsAsSkipped()
    {
        LifecycleHost? running = null;
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_start, configure: services =>
        {
            services.Configure<CampaignWaveOptions>(o =>
            {
                o.WaveBatchSize = 1;
                o.WaveConcurrency = 1;
            });
            services.AddSingleton<IMailTransport>(sp => new AfterFirstMail(
                sp.GetRequiredService<SmtpMailTransport>(), () => IssueAsync(running!, Member(3), new DateOnly(2026, 12, 1))));
        });
        running = host;
        await SeedAsync(host, 3);
        await host.Get<CampaignWorkflow>().StartAsync(OfficeUser(), Clerk, Issue("dot-5", s_deadline), Ct);

        await host.AdvanceToAsync(At8(2026, 12, 1));

        var mail = await MailAsync(host, maildev);
        Assert.Equal(
            [.. WaveIds("dot-5", "before-30", Member(1), Member(2)).Order(StringComparer.Ordinal)],
            mail.Select(m => m.NotificationId).Order(StringComparer.Ordinal));
        var wave = Assert.Single(await host.Get<CampaignNoticeLedger>().ListWavesAsync("dot-5", Ct));
        Assert.Equal((3, 3, 4, 0, 1), (wave.Members, wave.Planned, wave.Sent, wave.Uncertain, wave.Skipped));
    }

    [Fact]
    public async Task CloseAsync_ByTheOfficeAfterARetriedStart_EndsTheOrchestrationAndNothingIsMailed()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_start);
        await SeedAsync(host, 2);
        var workflow = host.Get<CampaignWorkflow>();
        await workflow.StartAsync(OfficeUser(), Clerk, Issue("dot-3", s_deadline), Ct);
        await host.SettleAsync();
        string instanceId = CampaignOrchestrations.InstanceId("dot-3");
        var first = await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct);

        await workflow.StartAsync(OfficeUser(), Clerk, Issue("dot-3", s_deadline), Ct);
        await host.SettleAsync();
        var again = await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct);
        await workflow.CloseAsync(OfficeUser(), Clerk, "dot-3", "Đã đủ báo cáo", Ct);
        await host.UntilAsync(async () => (await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct))!.IsCompleted);
        await host.AdvanceToAsync(At8(2026, 12, 2));

        Assert.Equal(OrchestrationRuntimeStatus.Running, first!.RuntimeStatus);
        Assert.Equal(first.CreatedAt, again!.CreatedAt);
        Assert.Equal(OrchestrationRuntimeStatus.Running, again.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct))!.RuntimeStatus);
        Assert.DoesNotContain(await MailAsync(host, maildev), m => m.NotificationId.StartsWith("campaign|dot-3|", StringComparison.Ordinal));
        Assert.Empty(await host.Get<CampaignNoticeLedger>().ListWavesAsync("dot-3", Ct));
    }

    [Fact]
    public async Task Reconciler_CampaignOrchestrationLost_StartsItAgainAndTheMissedWaveGoesOutOnce()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_start);
        await SeedAsync(host, 2);
        await host.Get<CampaignWorkflow>().StartAsync(OfficeUser(), Clerk, Issue("dot-4", s_deadline), Ct);
        await host.AdvanceToAsync(At8(2026, 12, 1));
        string instanceId = CampaignOrchestrations.InstanceId("dot-4");
        await host.Durable.TerminateInstanceAsync(instanceId, "lost in a deployment", Ct);
        await host.UntilAsync(async () => (await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct))!.RuntimeStatus == OrchestrationRuntimeStatus.Terminated);
        await host.AdvanceToAsync(At8(2026, 12, 28));

        int started = await host.Get<LifecycleReconciler>().RunAsync(Ct);
        await host.SettleAsync();
        int again = await host.Get<LifecycleReconciler>().RunAsync(Ct);

        Assert.Equal(1, started);
        Assert.Equal(0, again);
        var mail = await MailAsync(host, maildev);
        Assert.Equal(
            [.. WaveIds("dot-4", "before-30", Member(1), Member(2)).Concat(WaveIds("dot-4", "before-7", Member(1), Member(2))).Order(StringComparer.Ordinal)],
            mail.Select(m => m.NotificationId).Order(StringComparer.Ordinal));
        var status = (await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct))!.ReadCustomStatusAs<LifecycleWaitStatus>();
        Assert.Equal(At8(2026, 12, 30), status!.WakeAt);
    }

    [Fact]
    public async Task ReminderSweep_CampaignAsleepPastItsWave_WakesIt()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_start);
        await SeedAsync(host, 1);
        await host.Get<CampaignWorkflow>().StartAsync(OfficeUser(), Clerk, Issue("dot-6", s_deadline), Ct);
        await host.SettleAsync();

        int early = await host.Get<ReminderSweep>().RunAsync(Ct);
        await host.StopEngineAsync();
        host.Clock.SetUtcNow(At8(2026, 12, 1) + ReminderSweep.Grace + TimeSpan.FromMinutes(1));
        int late = await host.Get<ReminderSweep>().RunAsync(Ct);

        Assert.Equal(0, early);
        Assert.Equal(1, late);
    }

    /// <summary>Runs <c>then</c> once, right after the first mail was accepted (the wave's batches run in path order).</summary>
    private sealed class AfterFirstMail(IMailTransport inner, Func<Task> then) : IMailTransport
    {
        private int _accepted;

        public async Task SendAsync(OutgoingMail mail, MailRecipient from, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(mail, from, cancellationToken);
            if (Interlocked.Increment(ref _accepted) == 1)
            {
                await then();
            }
        }
    }
}
