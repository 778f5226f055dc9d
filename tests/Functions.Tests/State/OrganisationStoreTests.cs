using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class OrganisationStoreTests(AzuriteFixture azurite)
{
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task CreateAsync_VietnameseOrganisation_ReadsBackEqualWithPath()
    {
        var ct = TestContext.Current.CancellationToken;
        var province = StateTestData.Organisation("tinh-uy", null, "TU");
        var bloc = StateTestData.Organisation("duk", "tinh-uy", "ĐUK", committeeSize: 7) with { OfficeEmail = "vanphong@duk.example.vn" };
        await _state.Organisations.CreateAsync(province, ct);
        await _state.Organisations.CreateAsync(bloc, ct);

        var loaded = await _state.Organisations.GetAsync("duk", ct);
        string? path = await _state.Organisations.GetPathAsync("duk", ct);

        Assert.NotNull(loaded);
        Assert.Equal(bloc.Name, loaded.Value.Name);
        Assert.Equal("ĐUK", loaded.Value.Code.Value);
        Assert.Equal("tinh-uy", loaded.Value.ParentId);
        Assert.Equal(bloc.CurrentTerm, loaded.Value.CurrentTerm);
        Assert.Equal(bloc.Committee.Members, loaded.Value.Committee.Members);
        Assert.Equal("vanphong@duk.example.vn", loaded.Value.OfficeEmail);
        Assert.Equal("tinh-uy|duk", path);
    }

    [Fact]
    public async Task CreateAsync_OwnCommitteeName_ReadsBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var organisation = StateTestData.Organisation("dbt-songhong", null, "TU") with
        {
            Name = "Đảng bộ tỉnh Sông Hồng",
            CommitteeName = "Tỉnh ủy Sông Hồng",
        };
        await _state.Organisations.CreateAsync(organisation, ct);

        var loaded = (await _state.Organisations.GetAsync("dbt-songhong", ct))!.Value;

        Assert.True(loaded.HasOwnCommitteeName);
        Assert.Equal("Tỉnh ủy Sông Hồng", loaded.CommitteeName);
        Assert.Equal("Văn phòng Tỉnh ủy Sông Hồng", loaded.OfficeName);
        Assert.Equal(organisation, loaded with { Committee = organisation.Committee });
    }

    [Fact]
    public async Task GetAsync_RowWithoutCommitteeNameColumn_DerivesItFromTheName()
    {
        var ct = TestContext.Current.CancellationToken;
        var organisation = StateTestData.Organisation("db-taichinh", null) with
        {
            Name = "Đảng bộ Sở Tài chính",
            CommitteeName = "Đảng ủy Sở Tài chính (tạm)",
        };
        await _state.Organisations.CreateAsync(organisation, ct);

        // A row as written before the column existed.
        var table = await _state.Tables.GetAsync(OrganisationStore.TableName, ct);
        var entity = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(OrganisationStore.Partition, "db-taichinh", cancellationToken: ct)).Value;
        Assert.Equal("Đảng ủy Sở Tài chính (tạm)", entity.GetString("CommitteeName"));
        Assert.True(entity.Remove("CommitteeName"));
        await table.UpdateEntityAsync(entity, entity.ETag, Azure.Data.Tables.TableUpdateMode.Replace, ct);

        var loaded = (await _state.Organisations.GetAsync("db-taichinh", ct))!.Value;

        Assert.False(loaded.HasOwnCommitteeName);
        Assert.Equal("Đảng ủy Sở Tài chính", loaded.CommitteeName);
        Assert.Equal("Văn phòng Đảng ủy Sở Tài chính", loaded.OfficeName);
    }

    [Fact]
    public async Task UpdateAsync_DerivedCommitteeName_IsNotStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var organisation = StateTestData.Organisation("db-yte", null) with { Name = "Đảng bộ Sở Y tế", CommitteeName = "Đảng ủy Y tế" };
        var etag = await _state.Organisations.CreateAsync(organisation, ct);

        await _state.Organisations.UpdateAsync(organisation with { CommitteeName = null, Name = "Đảng bộ Sở Y tế tỉnh" }, etag, ct);

        var table = await _state.Tables.GetAsync(OrganisationStore.TableName, ct);
        var entity = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(OrganisationStore.Partition, "db-yte", cancellationToken: ct)).Value;
        Assert.Null(entity.GetString("CommitteeName"));
        Assert.Equal("Đảng ủy Sở Y tế tỉnh", (await _state.Organisations.GetAsync("db-yte", ct))!.Value.CommitteeName);
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_ThrowsAndLeavesRowUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var organisation = StateTestData.Organisation("du-cty", null);
        var first = await _state.Organisations.CreateAsync(organisation, ct);
        await _state.Organisations.UpdateAsync(organisation with { Name = "Đảng ủy Công ty Điện lực" }, first, ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => _state.Organisations.UpdateAsync(organisation with { Name = "Tên cũ ghi đè" }, first, ct));

        var loaded = await _state.Organisations.GetAsync("du-cty", ct);
        Assert.Equal("Đảng ủy Công ty Điện lực", loaded!.Value.Name);
    }

    [Fact]
    public async Task UpdateAsync_ParentChanged_IsRejected()
    {
        var ct = TestContext.Current.CancellationToken;
        await _state.Organisations.CreateAsync(StateTestData.Organisation("root", null, "TU"), ct);
        await _state.Organisations.CreateAsync(StateTestData.Organisation("a", "root"), ct);
        var b = StateTestData.Organisation("b", "root");
        var etag = await _state.Organisations.CreateAsync(b, ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _state.Organisations.UpdateAsync(b with { ParentId = "a" }, etag, ct));

        Assert.Contains("cannot move", error.Message, StringComparison.Ordinal);
        Assert.Equal("root|b", await _state.Organisations.GetPathAsync("b", ct));
    }

    [Fact]
    public async Task CreateAsync_TakenId_ThrowsConflict()
    {
        var ct = TestContext.Current.CancellationToken;
        await _state.Organisations.CreateAsync(StateTestData.Organisation("x", null), ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => _state.Organisations.CreateAsync(StateTestData.Organisation("x", null), ct));
    }
}
