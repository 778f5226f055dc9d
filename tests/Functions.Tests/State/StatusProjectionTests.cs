using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class StatusProjectionTests(AzuriteFixture azurite)
{
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task QuerySubtreeAsync_Bloc_ReturnsExactlyItsDescendantsWithRollUps()
    {
        var ct = TestContext.Current.CancellationToken;
        await BuildTreeAsync(ct);
        _state.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 2, 0, 0, TimeSpan.Zero));
        foreach (string id in AllIds)
        {
            await _state.Status.RefreshAsync(id, ct);
        }

        _state.Counter.Reset();
        var rows = await _state.Status.QuerySubtreeAsync("duk", cancellationToken: ct);

        Assert.True(_state.Counter.Total <= 3, $"{_state.Counter.Total} requests");
        Assert.Equal(
            ["duk", "base-1", "cb-1", "base-2", "cb-2", "base-3", "cb-3"],
            rows.Select(r => r.OrganisationId));
        var voting = rows.Single(r => r.OrganisationId == "base-1");
        Assert.Equal("tinh-uy|duk|base-1", voting.Path);
        Assert.Equal(RegulationStage.InVote, voting.Stage);
        Assert.Equal("Ban Thường vụ đang biểu quyết", voting.StageLabel);
        Assert.Equal("2/7 phiếu biểu quyết", voting.PendingSummary);
        Assert.Equal(["m6", "m7"], voting.PendingIds);
        Assert.Equal(["Nguyễn Thị Ánh 6", "Nguyễn Thị Ánh 7"], voting.PendingIds.Select(id => voting.PendingNames[id]));
        Assert.True(voting.IsMissing);
        var overdue = rows.Single(r => r.OrganisationId == "base-2");
        Assert.Equal("01-QC/ĐU", overdue.RegulationNumber);
        Assert.Equal(new DateOnly(2026, 3, 16), overdue.IssuedOn);
        Assert.Equal(new DateOnly(2026, 9, 16), overdue.NextReviewDue);
        Assert.Equal(ComplianceStatus.ReviewOverdue, overdue.Compliance);
        Assert.True(overdue.IsOverdue);
        Assert.False(overdue.IsUpperLevelNotified);
        Assert.Equal("cấp trên tiếp nhận", overdue.PendingSummary);
        Assert.NotNull(overdue.FiledAt);
        var missing = rows.Single(r => r.OrganisationId == "base-3");
        Assert.Equal(ComplianceStatus.Missing, missing.Compliance);
        Assert.Equal("Chưa có quy chế", missing.StageLabel);
    }

    [Fact]
    public async Task RefreshAsync_OverduePastGrace_SaysUpperLevelToldOnlyOnceItsNoticeWentOut()
    {
        var ct = TestContext.Current.CancellationToken;
        await BuildTreeAsync(ct);
        _state.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 2, 0, 0, TimeSpan.Zero));
        var before = await _state.Status.RefreshAsync("base-2", ct);
        var regulationId = before.RegulationId!;
        var ledger = new QuyCheWorkflow.Functions.Lifecycle.NoticeLedger(_state.Tables);
        string reviewId = QuyCheWorkflow.Functions.Lifecycle.ReviewIds.For(before.NextReviewDue!.Value);
        var kind = QuyCheWorkflow.Functions.Lifecycle.NoticeKind.ReviewOverdueToUpperLevel;

        await ledger.RecordAsync(regulationId, new QuyCheWorkflow.Functions.Lifecycle.SentNotice(
            QuyCheWorkflow.Functions.Lifecycle.LifecycleNotifier.NoticeId(kind, reviewId, "duk", _state.Clock.GetUtcNow()), kind, "vp.duk@example.vn",
            _state.Clock.GetUtcNow(), _state.Clock.GetUtcNow()), ct);
        var after = await _state.Status.RefreshAsync("base-2", ct);

        Assert.True(before.IsOverdue);
        Assert.False(before.IsUpperLevelNotified);
        Assert.True(after.IsUpperLevelNotified);
    }

    [Fact]
    public async Task QuerySubtreeAsync_OnlyOverdue_FiltersOnTheServer()
    {
        var ct = TestContext.Current.CancellationToken;
        await BuildTreeAsync(ct);
        _state.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 2, 0, 0, TimeSpan.Zero));
        foreach (string id in AllIds)
        {
            await _state.Status.RefreshAsync(id, ct);
        }

        var rows = await _state.Status.QuerySubtreeAsync("tinh-uy", new StatusFilter(OnlyOverdue: true), ct);

        Assert.Equal(["base-2"], rows.Select(r => r.OrganisationId));
    }

    [Fact]
    public async Task QuerySubtreeAsync_TwoHundredOrganisations_ReadInAtMostThreeRequests()
    {
        var ct = TestContext.Current.CancellationToken;
        await _state.Organisations.CreateAsync(StateTestData.Organisation("tinh-uy", null, "TU"), ct);
        await _state.Organisations.CreateAsync(StateTestData.Organisation("duk", "tinh-uy", "ĐUK"), ct);
        await _state.Organisations.CreateAsync(StateTestData.Organisation("duk-2", "tinh-uy", "ĐUK"), ct);
        await _state.Status.RefreshAsync("duk-2", ct);
        await _state.Status.RefreshAsync("duk", ct);
        await Parallel.ForEachAsync(Enumerable.Range(1, 200), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            string id = $"cs-{i:D3}";
            await _state.Organisations.CreateAsync(StateTestData.Organisation(id, "duk", "CB"), token);
            await _state.Status.RefreshAsync(id, token);
        });

        _state.Counter.Reset();
        var rows = await _state.Status.QuerySubtreeAsync("duk", cancellationToken: ct);

        Assert.True(_state.Counter.Total <= 3, $"{_state.Counter.Total} requests");
        Assert.Equal(201, rows.Count);
        Assert.DoesNotContain(rows, r => r.OrganisationId == "duk-2");
    }

    [Fact]
    public async Task RefreshAsync_NothingChanged_WritesNothingAndAChangeIsWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        await BuildTreeAsync(ct);
        await _state.Status.RefreshAsync("base-1", ct);

        _state.Counter.Reset();
        _state.Clock.Advance(TimeSpan.FromMinutes(1));
        await _state.Status.RefreshAsync("base-1", ct);
        var unchanged = _state.Counter.Snapshot();
        var organisation = (await _state.Organisations.GetAsync("base-1", ct))!;
        await _state.Organisations.UpdateAsync(organisation.Value with { Name = "Đảng bộ cơ sở 1 (đổi tên)" }, organisation.ETag, ct);
        _state.Counter.Reset();
        var renamed = await _state.Status.RefreshAsync("base-1", ct);

        Assert.DoesNotContain(unchanged.Keys, k => k is "table.insert" or "table.update" or "table.merge" or "table.batch");
        Assert.Contains(_state.Counter.Snapshot().Keys, k => k == "table.update");
        Assert.Equal("Đảng bộ cơ sở 1 (đổi tên)", renamed.Name);
        Assert.Equal("Đảng bộ cơ sở 1 (đổi tên)", (await _state.Status.QuerySubtreeAsync("base-1", cancellationToken: ct)).Single().Name);
    }

    private static readonly string[] AllIds =
        ["tinh-uy", "duk", "base-1", "cb-1", "base-2", "cb-2", "base-3", "cb-3", "duk-b", "base-b", "duk2", "base-c"];

    /// <summary>
    /// Province → bloc "duk" → three base organisations, each with a chi bộ; plus sibling blocs "duk-b" and
    /// "duk2" whose ids sort right next to "duk|" and must never appear in its subtree.
    /// </summary>
    private async Task BuildTreeAsync(CancellationToken ct)
    {
        await _state.Organisations.CreateAsync(StateTestData.Organisation("tinh-uy", null, "TU"), ct);
        await _state.Organisations.CreateAsync(StateTestData.Organisation("duk", "tinh-uy", "ĐUK"), ct);
        await _state.Organisations.CreateAsync(StateTestData.Organisation("duk-b", "tinh-uy", "ĐUK"), ct);
        await _state.Organisations.CreateAsync(StateTestData.Organisation("duk2", "tinh-uy", "ĐUK"), ct);
        await _state.Organisations.CreateAsync(StateTestData.Organisation("base-b", "duk-b"), ct);
        await _state.Organisations.CreateAsync(StateTestData.Organisation("base-c", "duk2"), ct);
        for (int i = 1; i <= 3; i++)
        {
            await _state.Organisations.CreateAsync(StateTestData.Organisation($"base-{i}", "duk", committeeSize: i == 1 ? 7 : 3), ct);
            await _state.Organisations.CreateAsync(StateTestData.Organisation($"cb-{i}", $"base-{i}", "CB"), ct);
        }

        var voting = StateTestData.InVote("base-1", "reg-base-1", StateTestData.Committee(7));
        for (int m = 1; m <= 5; m++)
        {
            voting.Vote.Cast($"m{m}", m <= 3 ? VoteChoice.Agree : VoteChoice.Disagree, m <= 3 ? null : "Cần bổ sung Điều 7.", TestData.T0.AddDays(4));
        }

        await _state.Regulations.AddAsync(voting.Regulation.ToState(), ct);
        await _state.Votes.AddAsync(voting.Vote.ToState(), ct);

        var filed = StateTestData.Filed("base-2", "reg-base-2", "duk", new DateOnly(2026, 3, 16));
        await _state.Regulations.AddAsync(filed.Regulation.ToState(), ct);
        await _state.Filings.AddAsync(filed.Filing!.ToState(), ct);
    }
}
