using System.Net;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;
using QuyCheWorkflow.Functions.Tests.CustomHandler;
using QuyCheWorkflow.Testing;
using static QuyCheWorkflow.Functions.Tests.Lifecycle.LifecycleWalk;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

public sealed class LifecycleReconcilerTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const string Org = "du-stc";
    private const string Regulation = "qc-stc";

    /// <summary>Monday 1 March 2027, 09:00 Vietnam time.</summary>
    private static readonly DateTimeOffset s_start = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_ReviewCyclePurged_StartsItAgainAndItsRemindersArrive(bool azureBackend)
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_start, azureBackend: azureBackend);
        await host.AddOrganisationsAsync(Org, "ĐU");
        await InForceAsync(host);
        string instanceId = await LoseReviewCycleAsync(host);
        Assert.Null(await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct));

        int started = await host.Get<LifecycleReconciler>().RunAsync(Ct);
        int again = await host.Get<LifecycleReconciler>().RunAsync(Ct);
        await host.AdvanceToAsync(new DateTimeOffset(2027, 8, 18, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, started);
        Assert.Equal(0, again);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct))!.RuntimeStatus);
        var reminders = (await host.Get<NoticeLedger>().ListAsync(Regulation, Ct)).Where(n => n.Kind == NoticeKind.ReviewReminder).ToList();
        Assert.Equal(6, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(new DateTimeOffset(2027, 8, 18, 1, 0, 0, TimeSpan.Zero), r.SentAt));
        Assert.Contains(await maildev.Maildev.GetEmailsAsync(Ct), m => m.To.Any(t => t.Address == "du-stc.m5@" + host.Domain)
            && m.Subject.StartsWith("Nhắc rà soát định kỳ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ReviewCycleStartedAgainAfterItsFirstReminder_SendsThatReminderAtOnceWithTheDaysLeft()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_start, azureBackend: false);
        await host.AddOrganisationsAsync(Org, "ĐU");
        await InForceAsync(host);
        string instanceId = await LoseReviewCycleAsync(host);

        // The 14-day reminder (Wednesday 18 August, 08:00) passes with no cycle running; it is found two days later.
        var found = new DateTimeOffset(2027, 8, 20, 3, 0, 0, TimeSpan.Zero);
        await host.AdvanceToAsync(found);
        Assert.DoesNotContain(await host.Get<NoticeLedger>().ListAsync(Regulation, Ct), n => n.Kind == NoticeKind.ReviewReminder);
        Assert.Equal(1, await host.Get<LifecycleReconciler>().RunAsync(Ct));
        await host.UntilAsync(async () => (await host.Get<NoticeLedger>().ListAsync(Regulation, Ct)).Count(n => n.Kind == NoticeKind.ReviewReminder) == 6);
        await host.SettleAsync();

        var reminders = (await host.Get<NoticeLedger>().ListAsync(Regulation, Ct)).Where(n => n.Kind == NoticeKind.ReviewReminder).ToList();
        Assert.Equal(6, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(new DateTimeOffset(2027, 8, 18, 1, 0, 0, TimeSpan.Zero), r.ScheduledFor));
        Assert.All(reminders, r => Assert.Equal(found, r.SentAt));
        Assert.Equal(LifecycleOrchestrations.ReviewCycleVersion, await host.VersionOfAsync(instanceId));
        Assert.Contains(await maildev.Maildev.GetEmailsAsync(Ct), m => m.To.Any(t => t.Address == "du-stc.m5@" + host.Domain)
            && m.Subject.StartsWith("Nhắc rà soát định kỳ", StringComparison.Ordinal) && m.Subject.EndsWith("— còn 12 ngày", StringComparison.Ordinal));
    }

    [Fact]
    public void Missed_CycleStartingAfterSomeInstants_OwesTheLatestReminderOrElseTheLatestOverdueOfEachAudience()
    {
        static DateTimeOffset Day(int day) => new(2027, 9, day, 1, 0, 0, TimeSpan.Zero);
        ReviewNoticeSlot[] notices =
        [
            new(Day(1), NoticeKind.ReviewReminder), new(Day(3), NoticeKind.ReviewReminder), new(Day(5), NoticeKind.ReviewReminder),
            new(Day(6), NoticeKind.ReviewOverdueToOrganisation), new(Day(13), NoticeKind.ReviewOverdueToOrganisation),
            new(Day(20), NoticeKind.ReviewOverdueToUpperLevel), new(Day(27), NoticeKind.ReviewOverdueToOrganisation),
        ];

        Assert.Empty(ReviewCycleOrchestrator.Missed(notices, Day(1).AddSeconds(-1)));
        Assert.Equal([notices[1]], ReviewCycleOrchestrator.Missed(notices, Day(4)));
        Assert.Equal([notices[4]], ReviewCycleOrchestrator.Missed(notices, Day(14)));
        Assert.Equal([notices[4], notices[5]], ReviewCycleOrchestrator.Missed(notices, Day(20)));
    }

    [Fact]
    public async Task ReminderSweep_OrchestrationAsleepPastItsWakeUp_WakesItAndTheReminderGoesOut()
    {
        await using var host = await LifecycleHost.StartAsync(azurite, maildev, s_start);
        await host.AddOrganisationsAsync(Org, "ĐU");
        await host.Workflow.CreateRegulationAsync(Org, Regulation, "Quy chế làm việc", null, Clerk, Ct);
        await host.Workflow.UploadDraftAsync(Org, Regulation, Docx("v1"), "Dự thảo.docx", DraftVersion.DocxContentType, Clerk, Ct);
        var round = await host.Workflow.OpenConsultationAsync(Org, Regulation, [host.Recipient(1)], new DateTimeOffset(2027, 3, 12, 10, 0, 0, TimeSpan.Zero), Clerk, Ct);
        await host.SettleAsync();
        string instanceId = LifecycleOrchestrations.ConsultationInstanceId(Regulation, round.Id);
        var status = (await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct))!.ReadCustomStatusAs<QuyCheWorkflow.Functions.Lifecycle.Orchestrations.LifecycleWaitStatus>();
        Assert.Equal(new DateTimeOffset(2027, 3, 10, 1, 0, 0, TimeSpan.Zero), status!.WakeAt);

        // Nothing to wake until the wake-up plus the grace period has passed without the engine acting.
        int early = await host.Get<ReminderSweep>().RunAsync(Ct);
        await host.StopEngineAsync();
        host.Clock.SetUtcNow(status.WakeAt!.Value + ReminderSweep.Grace + TimeSpan.FromMinutes(1));
        int late = await host.Get<ReminderSweep>().RunAsync(Ct);

        Assert.Equal(0, early);
        Assert.Equal(1, late);
    }

    [Fact]
    public async Task TimerFunctions_InvokedByTheHost_RunTheLifecycleJobs()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string?>
        {
            [AppSettings.CustomHandlerPort] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [AppSettings.DurableTaskHubName] = "lifecyclejobs",
            [AppSettings.StorageConnectionString] = azurite.ConnectionString,
        });
        using var client = app.CreateClient();

        using var reconciler = await client.PostAsJsonAsync("/Reconciler", InvocationPayloads.TimerTrigger("Reconciler", s_start, isPastDue: false), Ct);
        using var sweep = await client.PostAsJsonAsync("/ReminderSweep", InvocationPayloads.TimerTrigger("ReminderSweep", s_start, isPastDue: false), Ct);

        Assert.Equal(HttpStatusCode.OK, reconciler.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sweep.StatusCode);
    }

    /// <summary>Terminates and purges the running review cycle, as a lost deployment would; returns its instance id.</summary>
    private static async Task<string> LoseReviewCycleAsync(LifecycleHost host)
    {
        string instanceId = LifecycleOrchestrations.ReviewInstanceId(Regulation, ReviewIds.For(new DateOnly(2027, 9, 1)));
        await host.SettleAsync();
        await host.Durable.TerminateInstanceAsync(instanceId, "lost in a deployment", Ct);
        await host.UntilAsync(async () => (await host.Durable.GetInstanceAsync(instanceId, cancellation: Ct))!.RuntimeStatus == OrchestrationRuntimeStatus.Terminated);
        await host.Durable.PurgeInstanceAsync(instanceId, Ct);
        return instanceId;
    }

    private static async Task InForceAsync(LifecycleHost host)
    {
        await host.Workflow.CreateRegulationAsync(Org, Regulation, "Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Tài chính", null, Clerk, Ct);
        await host.Workflow.UploadDraftAsync(Org, Regulation, Docx("v1"), "Dự thảo.docx", DraftVersion.DocxContentType, Clerk, Ct);
        var round = await host.Workflow.OpenConsultationAsync(Org, Regulation, [host.Recipient(1)], s_start.AddDays(7), Clerk, Ct);
        await host.Workflow.AnswerConsultationAsync(Regulation, round.Id, "r1", true, [], Clerk, Ct);
        var vote = await host.Workflow.SubmitForVoteAsync(Org, Regulation, s_start.AddDays(5), Clerk, Ct);
        foreach (string member in (string[])["m1", "m2", "m3"])
        {
            await host.Workflow.CastBallotAsync(Regulation, vote.Id, member, VoteChoice.Agree, null, Clerk, Ct);
        }

        await host.Workflow.IssueAsync(Org, Regulation, new DateOnly(2027, 3, 1), "Lê Thị Hoa du-stc 1", null, Clerk, Ct);
        var filing = await host.Workflow.FileAsync(Org, Regulation, Clerk, Ct);
        await host.Workflow.AcknowledgeFilingAsync(Regulation, filing.Id, new Actor("duk", "Đảng ủy Khối", "link"), Ct);
        await host.UntilAsync(async () => (await host.InstancesAsync()).Count(i => i.IsCompleted) == 3);
    }
}
