using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Durable.Storage;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Testing;
using static QuyCheWorkflow.Functions.Tests.Lifecycle.LifecycleWalk;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>
/// A command's process is killed before each of its storage requests in turn (a first "process" whose storage
/// fails from that request on); a second process then retries the request with the same id, or only the
/// reconciler's sweep runs. Either way the audit chain, the status row and the rows the command creates are
/// complete, the work is done once, and the retry is answered with the first run's outcome.
/// </summary>
public sealed class CommandCrashTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private const string UpperLevel = "duk";

    private readonly ProcessKill _kill = new();
    private readonly string _prefix = "k" + Guid.NewGuid().ToString("N")[..12];
    private LifecycleTestContext? _doomed;
    private LifecycleTestContext? _survivor;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The regulation of each case's organisation (regulation ids are unique across organisations).</summary>
    private static string Qc(string organisationId) => organisationId + "-qc";

    private LifecycleTestContext Doomed => _doomed ??= new(azurite, _prefix, KillingStorage());

    private LifecycleTestContext Survivor => _survivor ??= new(azurite, _prefix, null);

    [Fact]
    public async Task FileAsync_KilledBeforeAnyRequest_RetryGetsTheFirstOutcomeAndTheTailIsComplete()
    {
        int requests = await CountRequestsAsync(IssuedAsync, (ctx, org, actor) => ctx.Workflow.FileAsync(org, Qc(org), actor, Ct));

        for (int allowed = 0; allowed < requests; allowed++)
        {
            string organisationId = await IssuedAsync(allowed);
            string requestId = "file-" + organisationId;

            await KillAsync(allowed, requestId, organisationId, (ctx, actor) => ctx.Workflow.FileAsync(organisationId, Qc(organisationId), actor, Ct));
            var outcome = await RetryAsync(requestId, organisationId, (ctx, actor) => ctx.Workflow.FileAsync(organisationId, Qc(organisationId), actor, Ct));

            Assert.Equal("filing-1", outcome.Id);
            await AssertFiledOnceAsync(organisationId, allowed);
        }
    }

    [Fact]
    public async Task FileAsync_OneStorageCallFailsAtEachRequest_RetryInTheSameProcessGetsTheFirstOutcome()
    {
        int requests = await CountRequestsAsync(IssuedAsync, (ctx, org, actor) => ctx.Workflow.FileAsync(org, Qc(org), actor, Ct));

        for (int allowed = 0; allowed < requests; allowed++)
        {
            string organisationId = await IssuedAsync(300 + allowed);
            string requestId = "file-once-" + organisationId;
            Doomed.Clock.SetUtcNow(Survivor.Clock.GetUtcNow());
            _kill.Reset(allowed, once: true);
            try
            {
                await RunAsync(Doomed, requestId, organisationId);
            }
            catch (ProcessKilledException)
            {
                // The failed call surfaced; the process lives on and the client sends the request again.
            }

            _kill.Reset(null);
            FilingState outcome;
            try
            {
                outcome = await RunAsync(Doomed, requestId, organisationId);
            }
            catch (RequestInProgressException)
            {
                Doomed.Clock.Advance(RequestLog.RunningClaimLifetime + TimeSpan.FromSeconds(1));
                outcome = await RunAsync(Doomed, requestId, organisationId);
            }

            Assert.Equal("filing-1", outcome.Id);
            await AssertFiledOnceAsync(organisationId, allowed);
        }

        static Task<FilingState> RunAsync(LifecycleTestContext process, string requestId, string organisationId) =>
            process.Get<RequestLog>().ExecuteOnceAsync(requestId, "command",
                c => process.Workflow.FileAsync(organisationId, Qc(organisationId), Clerk with { RequestId = requestId }, c),
                c => process.Workflow.CompletePendingTailsAsync(organisationId, Qc(organisationId), c), Ct);
    }

    [Fact]
    public async Task FileAsync_KilledBeforeAnyRequest_ReconcilerCompletesWhatWasWritten()
    {
        int requests = await CountRequestsAsync(IssuedAsync, (ctx, org, actor) => ctx.Workflow.FileAsync(org, Qc(org), actor, Ct));

        for (int allowed = 0; allowed < requests; allowed++)
        {
            string organisationId = await IssuedAsync(100 + allowed);

            await KillAsync(allowed, "file-" + organisationId, organisationId, (ctx, actor) => ctx.Workflow.FileAsync(organisationId, Qc(organisationId), actor, Ct));
            await Survivor.Workflow.CompletePendingTailsAsync(Ct);

            var regulation = (await Survivor.Get<RegulationStore>().GetAsync(organisationId, Qc(organisationId), Ct))!;
            if (regulation.Value.FilingIds.Count == 0)
            {
                // Killed before the command's one write: nothing happened, and nothing says it did.
                Assert.DoesNotContain(await Survivor.AuditAsync(Qc(organisationId), Ct), e => e.Record.Action == AuditAction.FilingSent.Code);
                Assert.Equal(RegulationStage.Issued, (await StatusOfAsync(organisationId)).Stage);
            }
            else
            {
                await AssertFiledOnceAsync(organisationId, allowed);
            }

            Assert.Null(regulation.Tail);
        }
    }

    [Fact]
    public async Task CastBallotAsync_DecidingBallotKilledBeforeAnyRequest_RetryGetsTheFirstOutcomeAndTheDecisionIsApplied()
    {
        int requests = await CountRequestsAsync(TwoAgreedAsync, (ctx, org, actor) => ctx.Workflow.CastBallotAsync(Qc(org), "vote-1", "m3", VoteChoice.Agree, null, actor, Ct));

        for (int allowed = 0; allowed < requests; allowed++)
        {
            string organisationId = await TwoAgreedAsync(200 + allowed);
            string requestId = "vote-" + organisationId;

            await KillAsync(allowed, requestId, organisationId, (ctx, actor) => ctx.Workflow.CastBallotAsync(Qc(organisationId), "vote-1", "m3", VoteChoice.Agree, null, actor, Ct));
            var outcome = await RetryAsync(requestId, organisationId, (ctx, actor) => ctx.Workflow.CastBallotAsync(Qc(organisationId), "vote-1", "m3", VoteChoice.Agree, null, actor, Ct));

            Assert.Equal(VoteRoundStatus.Passed, outcome.Status);
            var audit = await Survivor.AuditAsync(Qc(organisationId), Ct);
            Assert.Equal(3, audit.Count(e => e.Record.Action == AuditAction.VoteCast.Code));
            Assert.Single(audit, e => e.Record.Action == AuditAction.VoteDecided.Code);
            Assert.True((await Survivor.Get<AuditLog>().VerifyAsync(Qc(organisationId), Ct)).IsValid, $"chain broken (killed after {allowed} requests)");
            Assert.Equal(RegulationStage.Approved, (await StatusOfAsync(organisationId)).Stage);
        }
    }

    [Fact]
    public async Task CreateOrganisationAsync_KilledBeforeAnyRequest_ReconcilerCompletesWhatWasWritten()
    {
        await OrganisationAsync(900);
        int requests = 0;
        foreach (int number in (int[])[901, 902])
        {
            _kill.Reset(null);
            await Doomed.Get<OrganisationWorkflow>().CreateAsync(StateTestData.Organisation("du-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture), UpperLevel), Clerk, Ct);
            requests = _kill.Sent;
        }

        for (int allowed = 0; allowed < requests; allowed++)
        {
            string organisationId = "du-new-" + allowed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _kill.Reset(allowed);
            await Assert.ThrowsAnyAsync<Exception>(() => Doomed.Get<OrganisationWorkflow>().CreateAsync(StateTestData.Organisation(organisationId, UpperLevel), Clerk, Ct));
            _kill.Reset(null);

            await Survivor.Workflow.CompletePendingTailsAsync(Ct);

            var audit = await Survivor.AuditAsync(organisationId, Ct);
            if (await Survivor.Get<OrganisationStore>().GetAsync(organisationId, Ct) is { } created)
            {
                Assert.Null(created.Tail);
                Assert.Single(audit, e => e.Record.Action == AuditAction.OrganisationCreated.Code);
                Assert.Contains(await Survivor.Get<StatusProjection>().QuerySubtreeAsync(organisationId, null, Ct), s => s.OrganisationId == organisationId);
            }
            else
            {
                Assert.Empty(audit);
            }
        }
    }

    private StorageOptions KillingStorage()
    {
        var options = TestStorageOptions.Create();
        options.PerRetryPolicies.Add(_kill);
        return options;
    }

    /// <summary>
    /// How many storage requests the command makes when nothing fails, counted on its second run (the first also
    /// creates the tables the process had not used yet).
    /// </summary>
    private async Task<int> CountRequestsAsync<T>(Func<int, Task<string>> arrange, Func<LifecycleTestContext, string, Actor, Task<T>> command)
    {
        foreach (int number in (int[])[998, 999])
        {
            string organisationId = await arrange(number);
            Doomed.Clock.SetUtcNow(Survivor.Clock.GetUtcNow());
            _kill.Reset(null);
            await command(Doomed, organisationId, Clerk);
        }

        return _kill.Sent;
    }

    /// <summary>Runs the command in the doomed process, which dies before request <paramref name="allowed"/> + 1.</summary>
    private async Task KillAsync<T>(int allowed, string requestId, string organisationId, Func<LifecycleTestContext, Actor, Task<T>> command)
    {
        Doomed.Clock.SetUtcNow(Survivor.Clock.GetUtcNow());
        _kill.Reset(allowed);
        await Assert.ThrowsAnyAsync<Exception>(() => Doomed.Get<RequestLog>().ExecuteOnceAsync(requestId, "command",
            c => command(Doomed, Clerk with { RequestId = requestId }),
            c => Doomed.Workflow.CompletePendingTailsAsync(organisationId, Qc(organisationId), c), Ct));
        _kill.Reset(null);
    }

    /// <summary>The client retries the request in the surviving process; after a claim's lifetime if it is reported running.</summary>
    private async Task<T> RetryAsync<T>(string requestId, string organisationId, Func<LifecycleTestContext, Actor, Task<T>> command)
    {
        Task<T> Once() => Survivor.Get<RequestLog>().ExecuteOnceAsync(requestId, "command",
            c => command(Survivor, Clerk with { RequestId = requestId }),
            c => Survivor.Workflow.CompletePendingTailsAsync(organisationId, Qc(organisationId), c), Ct);
        try
        {
            return await Once();
        }
        catch (RequestInProgressException)
        {
            // Killed before its one write: nothing was done, and after the claim's lifetime the retry runs it.
            Survivor.Clock.Advance(RequestLog.RunningClaimLifetime + TimeSpan.FromSeconds(1));
            return await Once();
        }
    }

    private async Task AssertFiledOnceAsync(string organisationId, int allowed)
    {
        var regulation = (await Survivor.Get<RegulationStore>().GetAsync(organisationId, Qc(organisationId), Ct))!.Value;
        Assert.Equal(["filing-1"], regulation.FilingIds);
        Assert.NotNull(await Survivor.Get<FilingStore>().GetAsync(Qc(organisationId), "filing-1", Ct));
        var audit = await Survivor.AuditAsync(Qc(organisationId), Ct);
        Assert.Single(audit, e => e.Record.Action == AuditAction.FilingSent.Code);
        Assert.True((await Survivor.Get<AuditLog>().VerifyAsync(Qc(organisationId), Ct)).IsValid, $"chain broken (killed after {allowed} requests)");
        var status = await StatusOfAsync(organisationId);
        Assert.Equal(RegulationStage.Filed, status.Stage);
        Assert.NotNull(status.FiledAt);
    }

    private async Task<OrganisationStatus> StatusOfAsync(string organisationId) =>
        (await Survivor.Get<StatusProjection>().QuerySubtreeAsync(organisationId, null, Ct)).Single(s => s.OrganisationId == organisationId);

    /// <summary>An organisation (new for each case) whose regulation (<see cref="Qc"/>) is issued, waiting to be filed.</summary>
    private async Task<string> IssuedAsync(int number)
    {
        string organisationId = await OrganisationAsync(number);
        await ApprovedAsync(Survivor, organisationId, Qc(organisationId), Ct);
        var today = QuyCheWorkflow.Domain.Calendar.VietnamTime.DateOf(Survivor.Clock.GetUtcNow());
        await Survivor.Workflow.IssueAsync(organisationId, Qc(organisationId), today, "m1", null, Clerk, Ct);
        return organisationId;
    }

    /// <summary>An organisation whose regulation (<see cref="Qc"/>) is in vote with two of five members agreed: the third decides.</summary>
    private async Task<string> TwoAgreedAsync(int number)
    {
        string organisationId = await OrganisationAsync(number);
        await ResolvedAsync(Survivor, organisationId, Qc(organisationId), Ct);
        var vote = await Survivor.Workflow.SubmitForVoteAsync(organisationId, Qc(organisationId), Survivor.Clock.GetUtcNow().AddDays(5), Clerk, Ct);
        await Survivor.Workflow.CastBallotAsync(Qc(organisationId), vote.Id, "m1", VoteChoice.Agree, null, Clerk, Ct);
        await Survivor.Workflow.CastBallotAsync(Qc(organisationId), vote.Id, "m2", VoteChoice.Agree, null, Clerk, Ct);
        return organisationId;
    }

    private async Task<string> OrganisationAsync(int number)
    {
        var organisations = Survivor.Get<OrganisationStore>();
        if (await organisations.GetAsync(UpperLevel, Ct) is null)
        {
            await organisations.CreateAsync(StateTestData.Organisation(UpperLevel, null, "ĐUK") with { OfficeEmail = "vanphong@duk.example.vn" }, Ct);
        }

        string id = "du-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await organisations.CreateAsync(StateTestData.Organisation(id, UpperLevel, "ĐU", 5) with { OfficeEmail = "vanphong@" + id + ".example.vn" }, Ct);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_doomed is not null)
        {
            await _doomed.DisposeAsync();
        }

        if (_survivor is not null)
        {
            await _survivor.DisposeAsync();
        }
    }
}
