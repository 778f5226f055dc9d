using System.Text.Json;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Testing;
using static QuyCheWorkflow.Functions.Tests.Lifecycle.LifecycleWalk;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

/// <summary>The organisation commands on Azurite: each change saved, audited on the organisation's chain, its status row refreshed.</summary>
public sealed class OrganisationWorkflowTests(AzuriteFixture azurite) : IAsyncDisposable
{
    private readonly LifecycleTestContext _ctx = new(azurite);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OrganisationWorkflow Organisations => _ctx.Get<OrganisationWorkflow>();

    [Fact]
    public async Task CreateAsync_RootAndChild_SavesAuditsWithTheActorAndRefreshesStatus()
    {
        var root = StateTestData.Organisation("tu", null, "TU");
        var child = StateTestData.Organisation("du-tc", "tu") with { OfficeEmail = "vp@du-tc.example.vn" };

        await Organisations.CreateAsync(root, Clerk, Ct);
        var created = await Organisations.CreateAsync(child, Clerk, Ct);

        Assert.Equal(child, created);
        var stored = (await _ctx.Get<OrganisationStore>().GetAsync("du-tc", Ct))!.Value;
        Assert.Equal(child with { Committee = stored.Committee }, stored);
        Assert.Equal(child.Committee.Members, stored.Committee.Members);
        var entry = Assert.Single(await _ctx.AuditAsync("du-tc", Ct));
        Assert.Equal("organisation.created", entry.Record.Action);
        Assert.Equal(Clerk.Id, entry.Record.ActorId);
        Assert.Equal(["du-tc"], entry.Record.SubjectIds);
        Assert.Equal(3, JsonDocument.Parse(entry.Record.DetailsJson!).RootElement.GetProperty("members").GetInt32());
        var rows = await _ctx.Get<StatusProjection>().QuerySubtreeAsync("tu", cancellationToken: Ct);
        Assert.Equal(["du-tc", "tu"], rows.Select(r => r.OrganisationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_TakenId_RefusesWithItsCodeAndAuditsNothingMore()
    {
        await Organisations.CreateAsync(StateTestData.Organisation("tu", null, "TU"), Clerk, Ct);

        var error = await Assert.ThrowsAsync<DomainException>(
            () => Organisations.CreateAsync(StateTestData.Organisation("tu", null, "TX"), Clerk, Ct));

        Assert.Equal(RefusalCode.OrganisationIdTaken, error.Code);
        Assert.Equal("tu", error.Facts["organisationId"]);
        Assert.Equal("TU", (await _ctx.Get<OrganisationStore>().GetAsync("tu", Ct))!.Value.Code.Value);
        Assert.Single(await _ctx.AuditAsync("tu", Ct));
    }

    [Fact]
    public async Task CreateAsync_UnknownParent_ThrowsNotFoundAndSavesNothing()
    {
        await Assert.ThrowsAsync<LifecycleNotFoundException>(
            () => Organisations.CreateAsync(StateTestData.Organisation("du-x", "khong-co"), Clerk, Ct));

        Assert.Null(await _ctx.Get<OrganisationStore>().GetAsync("du-x", Ct));
        Assert.Empty(await _ctx.AuditAsync("du-x", Ct));
    }

    [Fact]
    public async Task UpdateAsync_NamedFields_ChangesOnlyThoseAndClearsTheMailbox()
    {
        var organisation = await _ctx.AddOrganisationAsync("du-cq", ct: Ct);

        var updated = await Organisations.UpdateAsync("du-cq",
            new OrganisationChanges { Name = "Đảng ủy Sở Tài chính", ChangesOfficeEmail = true, OfficeEmail = null }, Clerk, cancellationToken: Ct);

        Assert.Equal(organisation with { Name = "Đảng ủy Sở Tài chính", OfficeEmail = null, Committee = updated.Committee }, updated);
        var stored = (await _ctx.Get<OrganisationStore>().GetAsync("du-cq", Ct))!.Value;
        Assert.Equal(updated with { Committee = stored.Committee }, stored);
        Assert.Equal("organisation.updated", Assert.Single(await _ctx.AuditAsync("du-cq", Ct)).Record.Action);
        var row = (await _ctx.Get<StatusProjection>().QuerySubtreeAsync("du-cq", cancellationToken: Ct)).Single();
        Assert.Equal("Đảng ủy Sở Tài chính", row.Name);
    }

    [Fact]
    public async Task UpdateAsync_CommitteeName_SetKeptAndCleared()
    {
        await _ctx.AddOrganisationAsync("du-ct", ct: Ct);

        var set = await Organisations.UpdateAsync("du-ct",
            new OrganisationChanges { Name = "Đảng bộ tỉnh Sông Hồng", ChangesCommitteeName = true, CommitteeName = "Tỉnh ủy Sông Hồng" }, Clerk, cancellationToken: Ct);
        var kept = await Organisations.UpdateAsync("du-ct", new OrganisationChanges { Name = "Đảng bộ tỉnh Sông Hồng mới" }, Clerk, cancellationToken: Ct);
        var cleared = await Organisations.UpdateAsync("du-ct", new OrganisationChanges { ChangesCommitteeName = true }, Clerk, cancellationToken: Ct);

        Assert.Equal("Tỉnh ủy Sông Hồng", set.CommitteeName);
        Assert.Equal("Tỉnh ủy Sông Hồng", kept.CommitteeName);
        Assert.False(cleared.HasOwnCommitteeName);
        Assert.Equal("Đảng ủy tỉnh Sông Hồng mới", (await _ctx.Get<OrganisationStore>().GetAsync("du-ct", Ct))!.Value.CommitteeName);
        var audited = (await _ctx.AuditAsync("du-ct", Ct)).Select(e => JsonDocument.Parse(e.Record.DetailsJson!).RootElement.GetProperty("committeeName").GetString());
        Assert.Equal(["Tỉnh ủy Sông Hồng", "Tỉnh ủy Sông Hồng", "Đảng ủy tỉnh Sông Hồng mới"], audited.TakeLast(3));
    }

    [Fact]
    public void Office_MailboxOfAnOrganisation_IsNamedAfterItsCommittee()
    {
        var organisation = new OrganisationBuilder().WithId("db-tc").WithParent(null).WithName("Đảng bộ Sở Tài chính").WithOfficeEmail("vp@example.vn").Build();

        var office = QuyCheWorkflow.Functions.Lifecycle.Orchestrations.LifecycleFacts.Office(organisation);

        Assert.Equal(new QuyCheWorkflow.Functions.Mail.MailRecipient("vp@example.vn", "Văn phòng Đảng ủy Sở Tài chính"), office);
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_ThrowsConflictAndChangesNothing()
    {
        await _ctx.AddOrganisationAsync("du-cq", ct: Ct);
        var read = (await _ctx.Get<OrganisationStore>().GetAsync("du-cq", Ct))!;
        await Organisations.UpdateAsync("du-cq", new OrganisationChanges { Name = "Tên thứ nhất" }, Clerk, read.ETag, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Organisations.UpdateAsync("du-cq", new OrganisationChanges { Name = "Tên thứ hai" }, Clerk, read.ETag, Ct));

        Assert.Equal("Tên thứ nhất", (await _ctx.Get<OrganisationStore>().GetAsync("du-cq", Ct))!.Value.Name);
        Assert.Single(await _ctx.AuditAsync("du-cq", Ct));
    }

    [Fact]
    public async Task ReplaceCommitteeAsync_NewCommittee_SavesAndAudits()
    {
        await _ctx.AddOrganisationAsync("du-cq", ct: Ct);
        var committee = StateTestData.Committee(7);

        var changed = await Organisations.ReplaceCommitteeAsync("du-cq", committee, Clerk, cancellationToken: Ct);

        Assert.Equal(7, changed.Committee.Members.Count);
        Assert.Equal(committee.Members, (await _ctx.Get<OrganisationStore>().GetAsync("du-cq", Ct))!.Value.Committee.Members);
        var entry = Assert.Single(await _ctx.AuditAsync("du-cq", Ct));
        Assert.Equal("organisation.committee-replaced", entry.Record.Action);
        Assert.Equal(7, JsonDocument.Parse(entry.Record.DetailsJson!).RootElement.GetProperty("members").GetInt32());
    }

    [Fact]
    public async Task EnterTermAsync_EarlierTerm_RefusedByTheDomainBeforeAnyWrite()
    {
        await _ctx.AddOrganisationAsync("du-cq", ct: Ct);
        var before = (await _ctx.Get<OrganisationStore>().GetAsync("du-cq", Ct))!;

        var error = await Assert.ThrowsAsync<DomainException>(
            () => Organisations.EnterTermAsync("du-cq", new Term(2020, 2025), StateTestData.Committee(3), Clerk, Ct));

        Assert.Equal(RefusalCode.TermNotAfterCurrent, error.Code);
        Assert.Equal(before.ETag, (await _ctx.Get<OrganisationStore>().GetAsync("du-cq", Ct))!.ETag);
        Assert.Empty(await _ctx.AuditAsync("du-cq", Ct));
    }

    [Fact]
    public async Task EnterTermAsync_NextTerm_MovesTermAndCommitteeAndAudits()
    {
        await _ctx.AddOrganisationAsync("du-cq", ct: Ct);

        var entered = await Organisations.EnterTermAsync("du-cq", new Term(2030, 2035), StateTestData.Committee(4), Clerk, Ct);

        Assert.Equal(new Term(2030, 2035), entered.CurrentTerm);
        Assert.Equal(4, entered.Committee.Members.Count);
        Assert.Equal("organisation.term-entered", Assert.Single(await _ctx.AuditAsync("du-cq", Ct)).Record.Action);
    }

    [Fact]
    public async Task ReplaceCommitteeMemberAsync_SecretarysSeatToAPlainMember_RefusedByTheCommitteeBeforeAnyWrite()
    {
        await _ctx.AddOrganisationAsync("du-cq", ct: Ct);
        var before = (await _ctx.Get<OrganisationStore>().GetAsync("du-cq", Ct))!;

        var error = await Assert.ThrowsAsync<DomainException>(() => Organisations.ReplaceCommitteeMemberAsync(
            "du-cq", "m1", new CommitteeMember("m9", "Đỗ Minh Quân", "m9@example.vn", CommitteeRole.Member), Clerk, Ct));

        Assert.Equal(RefusalCode.CommitteeSecretarySeat, error.Code);
        Assert.Equal(before.ETag, (await _ctx.Get<OrganisationStore>().GetAsync("du-cq", Ct))!.ETag);
        Assert.Empty(await _ctx.AuditAsync("du-cq", Ct));
    }

    [Fact]
    public async Task ReplaceCommitteeMemberAsync_UnknownOrganisation_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<LifecycleNotFoundException>(() => Organisations.ReplaceCommitteeMemberAsync(
            "khong-co", "m2", new CommitteeMember("m9", "Đỗ Minh Quân", "m9@example.vn", CommitteeRole.Member), Clerk, Ct));
    }

    public async ValueTask DisposeAsync() => await _ctx.DisposeAsync();
}
