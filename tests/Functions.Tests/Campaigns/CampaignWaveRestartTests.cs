using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Durable.Storage;
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
/// A reminder wave over 24 organisations (48 notices) in batches of 4, two at a time, on the engine's Azure Storage
/// backend. The first process's storage dies right after its tenth mail was accepted, mid-wave; a second process on the
/// same storage finishes the wave. No recipient gets the wave's mail twice; every notice the ledger says was sent
/// arrived once; the notices being handed over when the process died (its last mail, and a concurrent batch's, which
/// may or may not have gone out) are pending in the ledger, and the second process keeps them as uncertain, at most one
/// per batch running, and does not send them again.
/// </summary>
public sealed class CampaignWaveRestartTests(AzuriteFixture azurite, MaildevFixture maildev)
{
    private const int Members = 24;
    private const int BatchSize = 4;
    private const int Concurrency = 2;
    private const int MailsBeforeTheKill = 10;

    /// <summary>Monday 30 November 2026, 09:00 Vietnam time; the first wave is due the next morning.</summary>
    private static readonly DateTimeOffset s_start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset s_wave = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wave_ProcessDiesMidWave_AnotherFinishesItAndEachRecipientHasOneMail()
    {
        var kill = new ProcessKill();
        var storage = TestStorageOptions.Create();
        storage.PerRetryPolicies.Add(kill);
        KillAfterMails? transport = null;
        var first = await LifecycleHost.StartAsync(azurite, maildev, s_start, azureBackend: true, storage: storage,
            configure: services =>
            {
                Configure(services);
                services.AddSingleton<IMailTransport>(sp => transport = new KillAfterMails(sp.GetRequiredService<SmtpMailTransport>(), kill, MailsBeforeTheKill));
            },
            engine: Engine);
        string unique = first.Unique;
        string domain = first.Domain;
        try
        {
            await SeedAsync(first, Members);
            await first.Get<CampaignWorkflow>().StartAsync(OfficeUser(), Clerk, Issue("dot-r", new DateOnly(2026, 12, 31)), Ct);
            await first.SettleAsync();

            first.Clock.SetUtcNow(s_wave);
            await WaitAsync(() => transport is { Accepted: >= MailsBeforeTheKill });
        }
        finally
        {
            await first.DisposeAsync();
        }

        int beforeRestart = (await maildev.Maildev.GetEmailsAsync(Ct)).Count(e => e.To.Any(t => t.Address.EndsWith("@" + domain, StringComparison.Ordinal)));
        await using var second = await LifecycleHost.StartAsync(azurite, maildev, s_wave, azureBackend: true, unique: unique, configure: Configure, engine: Engine);
        await second.SettleAsync();

        Assert.InRange(beforeRestart, MailsBeforeTheKill, MailsBeforeTheKill + Concurrency);
        var mail = await MailAsync(second, maildev);
        string[] expected = [.. WaveIds("dot-r", "before-30", [.. Enumerable.Range(1, Members).Select(Member)]).Order(StringComparer.Ordinal)];
        var ledger = second.Get<CampaignNoticeLedger>();
        var notices = await ledger.ListNoticesAsync("dot-r", "before-30", Ct);
        Assert.Equal(expected, notices.Select(n => n.NotificationId).Order(StringComparer.Ordinal));
        Assert.All(mail.GroupBy(m => m.NotificationId), g => Assert.Single(g));
        Assert.All(notices.Where(n => n.Status == CampaignNoticeStatus.Sent), n => Assert.Single(mail, m => m.NotificationId == n.NotificationId));
        var uncertain = notices.Where(n => n.Status != CampaignNoticeStatus.Sent).ToList();
        Assert.InRange(uncertain.Count, 1, Concurrency);
        Assert.All(uncertain, n => Assert.Equal(CampaignNoticeStatus.Uncertain, n.Status));
        Assert.Subset(expected.ToHashSet(), mail.Select(m => m.NotificationId).ToHashSet());
        var wave = Assert.Single(await ledger.ListWavesAsync("dot-r", Ct));
        Assert.NotNull(wave.CompletedAt);
        Assert.Equal(Members * 2 - uncertain.Count, wave.Sent);
        Assert.Equal(uncertain.Count, wave.Uncertain);
        Assert.Equal(0, wave.Skipped);
        var audit = await second.Get<AuditLog>().ReadAsync(OfficeId, Ct).ToListAsync(Ct);
        Assert.Single(audit, e => e.Record.Action == AuditAction.CampaignWaveSent.Code);
        var status = (await second.Durable.GetInstanceAsync(CampaignOrchestrations.InstanceId("dot-r"), cancellation: Ct))!;
        Assert.Equal(OrchestrationRuntimeStatus.Running, status.RuntimeStatus);
        Assert.Equal("campaign wave before-7", status.ReadCustomStatusAs<LifecycleWaitStatus>()!.Step);
    }

    private static void Configure(IServiceCollection services) =>
        services.Configure<CampaignWaveOptions>(o =>
        {
            o.WaveBatchSize = BatchSize;
            o.WaveConcurrency = Concurrency;
        });

    // A message whose process died shows up again for the next one within a second.
    private static void Engine(QuyCheWorkflow.Durable.DurableTaskOptions options) => options.MessageVisibilityTimeout = TimeSpan.FromSeconds(1);

    private static async Task WaitAsync(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException("The wave did not reach the planned point.");
            }

            await Task.Delay(20, Ct);
        }
    }

    /// <summary>
    /// The first process's transport: once it has accepted <c>after</c> mails, every storage request of the process
    /// fails. A mail another batch was already handing over still goes out, as it would from a dying process.
    /// </summary>
    private sealed class KillAfterMails(IMailTransport inner, ProcessKill kill, int after) : IMailTransport
    {
        private int _accepted;

        public int Accepted => Volatile.Read(ref _accepted);

        public async Task SendAsync(OutgoingMail mail, MailRecipient from, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(mail, from, cancellationToken);
            if (Interlocked.Increment(ref _accepted) == after)
            {
                kill.Reset(0);
            }
        }
    }
}
