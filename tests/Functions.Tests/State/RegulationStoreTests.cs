using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class RegulationStoreTests(AzuriteFixture azurite)
{
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task AddAsync_FiledRegulation_RoundTripsEveryField()
    {
        var ct = TestContext.Current.CancellationToken;
        var regulation = StateTestData.Filed("du-cty", "reg-1", "duk", new DateOnly(2026, 3, 16)).Regulation.ToState();
        await _state.Regulations.AddAsync(regulation, ct);

        var loaded = await _state.Regulations.GetAsync("du-cty", "reg-1", ct);

        Assert.NotNull(loaded);
        Assert.Equal(StateJson.Serialize(regulation), StateJson.Serialize(loaded.Value));
        Assert.Equal("Dự thảo quy chế — lần 1.docx", loaded.Value.InitialCycle.Drafts[0].FileName);
        Assert.Equal("01-QC/ĐU", loaded.Value.CurrentIssuance!.Number.Symbol);
        Assert.Equal(RegulationStage.Filed, Regulation.FromState(loaded.Value).Stage);
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_ThrowsAndLeavesRowUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var walk = StateTestData.InVote("du-cty", "reg-2", StateTestData.Committee(3));
        var inVote = walk.Regulation.ToState();
        var first = await _state.Regulations.AddAsync(inVote, ct);
        await _state.Regulations.UpdateAsync(inVote with { Title = "Quy chế làm việc (sửa đổi)" }, first, ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => _state.Regulations.UpdateAsync(inVote with { Title = "Ghi đè" }, first, ct));

        var loaded = await _state.Regulations.GetAsync("du-cty", "reg-2", ct);
        Assert.Equal("Quy chế làm việc (sửa đổi)", loaded!.Value.Title);
    }

    [Fact]
    public async Task ListByOrganisationAsync_TwoOrganisations_ReturnsOnlyItsOwn()
    {
        var ct = TestContext.Current.CancellationToken;
        await _state.Regulations.AddAsync(StateTestData.InVote("org-a", "reg-a1", StateTestData.Committee(3)).Regulation.ToState(), ct);
        await _state.Regulations.AddAsync(StateTestData.InVote("org-a", "reg-a2", StateTestData.Committee(3)).Regulation.ToState(), ct);
        await _state.Regulations.AddAsync(StateTestData.InVote("org-b", "reg-b1", StateTestData.Committee(3)).Regulation.ToState(), ct);

        List<string> ids = [];
        await foreach (var loaded in _state.Regulations.ListByOrganisationAsync("org-a", ct))
        {
            ids.Add(loaded.Value.Id);
        }

        Assert.Equal(["reg-a1", "reg-a2"], ids);
    }
}
