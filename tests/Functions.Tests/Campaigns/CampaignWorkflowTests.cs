using System.Security.Claims;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Functions.Tests.Status;

namespace QuyCheWorkflow.Functions.Tests.Campaigns;

/// <summary>
/// Campaigns over the seeded status tree (province "tinh-uy" → bloc "duk" → base-1 voting, base-2 issued 16/03/2026
/// and filed, base-3 nothing; district "huyen" → "huyen-cs"), 15 October 2026.
/// </summary>
public sealed class CampaignWorkflowTests(StatusHostFixture fixture) : IClassFixture<StatusHostFixture>
{
    private static readonly Actor s_clerk = new("acc-1", "Trần Văn Bình", "console");

    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CampaignWorkflow Workflow => Host.Get<CampaignWorkflow>();

    private static ClaimsPrincipal Caller(ApiRole role, string organisationId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "k"), new Claim(QuyCheWorkflowClaimTypes.Role, role.ToString()), new Claim(QuyCheWorkflowClaimTypes.Organisation, organisationId)],
        "test", ClaimTypes.NameIdentifier, QuyCheWorkflowClaimTypes.Role));

    private static StartCampaign Issue(string id, string office = "duk", IReadOnlyList<OrganisationType>? types = null) => new(
        id, office, "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030", new CampaignRequirement(CampaignRequirementKind.IssueForCurrentTerm),
        new DateOnly(2026, 12, 31), types ?? [], new DateOnly(2027, 1, 31), new DirectingDocument("125-CV/ĐUK", new DateOnly(2026, 10, 10)));

    [Fact]
    public async Task StartAsync_UpperLevelOffice_RollUpFollowsTheLifecycleAndANewOrganisationJoins()
    {
        var campaign = await Workflow.StartAsync(Caller(ApiRole.UpperLevelOffice, "duk"), s_clerk, Issue("dot-1"), Ct);
        var rollUps = Host.Get<CampaignRollUps>();

        var before = await rollUps.ComputeAsync(campaign!, Ct);
        await Host.Get<OrganisationStore>().CreateAsync(StateTestData.Organisation("base-4", "duk"), Ct);
        await Host.Get<StatusProjection>().RefreshAsync("base-4", Ct);
        var after = await rollUps.ComputeAsync(campaign!, Ct);

        Assert.Equal(["base-3", "base-1", "base-2"], before.Members.Select(m => m.OrganisationId));
        Assert.Equal(CampaignComplianceState.NotStarted, before.Members[0].Compliance.State);
        Assert.Equal(new CampaignCompliance(CampaignComplianceState.UnderWay, RegulationStage.InVote), before.Members[1].Compliance);
        Assert.Equal(CampaignComplianceState.Done, before.Members[2].Compliance.State);
        Assert.Equal(new DateOnly(2026, 3, 16), before.Members[2].Compliance.DoneOn);
        Assert.Equal(1, before.Counts[CampaignComplianceState.Done]);
        Assert.Equal(0, before.Counts[CampaignComplianceState.Late]);
        Assert.Equal(["base-3", "base-4", "base-1", "base-2"], after.Members.Select(m => m.OrganisationId));
        var audit = await Host.Get<AuditLog>().ReadAsync("duk", Ct).ToListAsync(Ct);
        var started = Assert.Single(audit, e => e.Record.Action == AuditAction.CampaignStarted.Code && e.Record.SubjectIds.Contains("dot-1"));
        Assert.Equal("Trần Văn Bình", started.Record.ActorDisplay);
        Assert.Equal(["duk", "dot-1"], started.Record.SubjectIds);
    }

    [Fact]
    public async Task RevisionCampaign_RegulationIssuedAfterTheModelButNeitherFromItNorAnAmendment_IsNotDone()
    {
        var campaign = await Workflow.StartAsync(Caller(ApiRole.UpperLevelOffice, "duk"), s_clerk, new StartCampaign(
            "dot-sua-doi", "duk", "Sửa đổi quy chế làm việc theo quy chế mẫu mới",
            new CampaignRequirement(CampaignRequirementKind.ReviseAfterModel, new DateOnly(2026, 1, 5)), new DateOnly(2026, 12, 31), []), Ct);

        var rollUp = await Host.Get<CampaignRollUps>().ComputeAsync(campaign!, Ct);
        var row = (await Host.Get<StatusProjection>().QuerySubtreeAsync("base-2", cancellationToken: Ct)).Single(r => r.OrganisationId == "base-2");

        Assert.Equal(new DateOnly(2026, 3, 16), row.IssuedOn);
        Assert.Equal(DraftOrigin.Upload, row.Origin);
        Assert.False(row.IsAmendment);
        Assert.Equal(CampaignComplianceState.NotStarted, rollUp.Members.Single(m => m.OrganisationId == "base-2").Compliance.State);
        Assert.Equal(0, rollUp.Counts[CampaignComplianceState.Done]);
    }

    [Fact]
    public async Task StartAsync_SameRequestTwice_ReturnsTheFirstAndAuditsOnce()
    {
        var user = Caller(ApiRole.UpperLevelOffice, "duk");

        var first = await Workflow.StartAsync(user, s_clerk, Issue("dot-2"), Ct);
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await Workflow.StartAsync(user, s_clerk, Issue("dot-2"), Ct);
        var other = await Assert.ThrowsAsync<DomainException>(() => Workflow.StartAsync(user, s_clerk, Issue("dot-2") with { Title = "Khác" }, Ct));

        Assert.Equal(first!.StartedAt, again!.StartedAt);
        Assert.Equal(RefusalCode.CampaignIdTaken, other.Code);
        var audit = await Host.Get<AuditLog>().ReadAsync("duk", Ct).ToListAsync(Ct);
        Assert.Single(audit, e => e.Record.Action == AuditAction.CampaignStarted.Code && e.Record.SubjectIds.Contains("dot-2"));
    }

    [Fact]
    public async Task StartAsync_OfficeRoleOrOutsideItsSubtree_Null()
    {
        var office = await Workflow.StartAsync(Caller(ApiRole.Office, "duk"), s_clerk, Issue("dot-3"), Ct);
        var district = await Workflow.StartAsync(Caller(ApiRole.UpperLevelOffice, "huyen"), s_clerk, Issue("dot-4"), Ct);

        Assert.Null(office);
        Assert.Null(district);
        Assert.Null(await Host.Get<CampaignStore>().GetAsync("dot-3", Ct));
        Assert.Null(await Host.Get<CampaignStore>().GetAsync("dot-4", Ct));
    }

    [Fact]
    public async Task StartAsync_DeadlinePassed_RefusesAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => Workflow.StartAsync(
            Caller(ApiRole.UpperLevelOffice, "duk"), s_clerk, Issue("dot-5") with { Deadline = new DateOnly(2026, 10, 1) }, Ct));

        Assert.Equal(RefusalCode.CampaignDeadlineNotAfterStart, error.Code);
        Assert.Null(await Host.Get<CampaignStore>().GetAsync("dot-5", Ct));
    }

    [Fact]
    public async Task CloseAsync_ByTheOffice_ClosesOnceAndTheLateComeFirst()
    {
        var user = Caller(ApiRole.UpperLevelOffice, "duk");
        var campaign = await Workflow.StartAsync(user, s_clerk, Issue("dot-6", types: [OrganisationType.Agency]), Ct);

        var late = CampaignRollUps.Compute(campaign!, await Host.Get<StatusProjection>().QuerySubtreeAsync("duk", cancellationToken: Ct), new DateTimeOffset(2027, 1, 5, 2, 0, 0, TimeSpan.Zero));
        var closed = await Workflow.CloseAsync(user, s_clerk, "dot-6", "Đã đủ báo cáo", Ct);
        var error = await Assert.ThrowsAsync<InvalidTransitionException>(() => Workflow.CloseAsync(user, s_clerk, "dot-6", null, Ct));
        var stranger = await Workflow.CloseAsync(Caller(ApiRole.UpperLevelOffice, "huyen"), s_clerk, "dot-6", null, Ct);

        Assert.Equal(CampaignComplianceState.Late, late.Members[0].Compliance.State);
        Assert.Equal(CampaignComplianceState.Done, late.Members[^1].Compliance.State);
        Assert.Equal(CampaignState.Closed, closed!.State);
        Assert.Equal(CampaignCloseReason.ClosedByOffice, closed.CloseReason);
        Assert.Equal(RefusalCode.InvalidTransition, error.Code);
        Assert.Null(stranger);
        Assert.Equal(CampaignState.Closed, (await Host.Get<CampaignStore>().GetAsync("dot-6", Ct))!.Value.State);
        var audit = await Host.Get<AuditLog>().ReadAsync("duk", Ct).ToListAsync(Ct);
        Assert.Single(audit, e => e.Record.Action == AuditAction.CampaignClosed.Code && e.Record.SubjectIds.Contains("dot-6"));
    }

    [Fact]
    public async Task ListAsync_ProvinceSeesItsBlocsCampaign_DistrictDoesNot()
    {
        await Workflow.StartAsync(Caller(ApiRole.UpperLevelOffice, "duk"), s_clerk, Issue("dot-7"), Ct);

        var province = await Workflow.ListAsync(Caller(ApiRole.UpperLevelOffice, "tinh-uy"), Ct);
        var baseOffice = await Workflow.ListAsync(Caller(ApiRole.Office, "base-1"), Ct);
        var district = await Workflow.ListAsync(Caller(ApiRole.UpperLevelOffice, "huyen"), Ct);

        Assert.Contains(province, c => c.Id == "dot-7");
        Assert.Contains(baseOffice, c => c.Id == "dot-7");
        Assert.DoesNotContain(district, c => c.Id == "dot-7");
        Assert.Null(await Workflow.FindAsync(Caller(ApiRole.UpperLevelOffice, "huyen"), "dot-7", Ct));
    }

    [Fact]
    public async Task ViewAsync_CoveredUpperLevel_SeesItsOwnPartButCannotClose()
    {
        await Workflow.StartAsync(Caller(ApiRole.UpperLevelOffice, "tinh-uy"), s_clerk, Issue("dot-8", office: "tinh-uy"), Ct);
        var bloc = Caller(ApiRole.UpperLevelOffice, "duk");

        var view = await Workflow.ViewAsync(bloc, "dot-8", Ct);
        var rollUp = await Workflow.RollUpAsync(view!, Ct);
        var whole = await Workflow.ViewAsync(Caller(ApiRole.UpperLevelOffice, "tinh-uy"), "dot-8", Ct);
        var closed = await Workflow.CloseAsync(bloc, s_clerk, "dot-8", null, Ct);

        Assert.False(view!.IsWhole);
        Assert.Equal("tinh-uy|duk", view.ScopePath);
        Assert.Contains("duk", rollUp.Members.Select(m => m.OrganisationId));
        Assert.Contains("base-2", rollUp.Members.Select(m => m.OrganisationId));
        Assert.DoesNotContain(rollUp.Members, m => m.OrganisationId.StartsWith("huyen", StringComparison.Ordinal));
        Assert.True(whole!.IsWhole);
        Assert.Contains("huyen-cs", (await Workflow.RollUpAsync(whole, Ct)).Members.Select(m => m.OrganisationId));
        Assert.Null(closed);
        Assert.Equal(CampaignState.Open, (await Host.Get<CampaignStore>().GetAsync("dot-8", Ct))!.Value.State);
    }
}
