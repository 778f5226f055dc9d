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
