using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class RegulationIndexTests(AzuriteFixture azurite)
{
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task FindAsync_AfterReserve_AnswersWithoutReading()
    {
        var ct = TestContext.Current.CancellationToken;
        var index = new RegulationIndex(_state.Tables);
        Assert.True(await index.ReserveAsync("qc-1", "duk", ct));

        _state.Counter.Reset();
        string? found = await index.FindAsync("qc-1", ct);

        Assert.Equal("duk", found);
        Assert.Equal(0, _state.Counter.Total);
    }

    [Fact]
    public async Task FindAsync_WrittenByAnotherInstance_ReadsOnceThenRemembers()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(await new RegulationIndex(_state.Tables).ReserveAsync("qc-2", "duk", ct));
        var index = new RegulationIndex(_state.Tables);

        _state.Counter.Reset();
        string? first = await index.FindAsync("qc-2", ct);
        long afterFirst = _state.Counter.Total;
        string? second = await index.FindAsync("qc-2", ct);

        Assert.Equal(("duk", "duk"), (first, second));
        Assert.Equal(1, afterFirst);
        Assert.Equal(1, _state.Counter.Total);
    }

    [Fact]
    public async Task FindAsync_UnknownIdCreatedLaterByAnotherInstance_IsFound()
    {
        var ct = TestContext.Current.CancellationToken;
        var index = new RegulationIndex(_state.Tables);
        Assert.Null(await index.FindAsync("qc-3", ct));

        Assert.True(await new RegulationIndex(_state.Tables).ReserveAsync("qc-3", "duk-b", ct));

        Assert.Equal("duk-b", await index.FindAsync("qc-3", ct));
    }

    [Fact]
    public async Task ReserveAsync_IdOfAnotherOrganisation_IsRefusedAndKeepsTheFirstOwner()
    {
        var ct = TestContext.Current.CancellationToken;
        var index = new RegulationIndex(_state.Tables);
        Assert.True(await index.ReserveAsync("qc-4", "duk", ct));

        Assert.False(await new RegulationIndex(_state.Tables).ReserveAsync("qc-4", "duk-b", ct));
        Assert.False(await index.ReserveAsync("qc-4", "duk-b", ct));

        Assert.Equal("duk", await new RegulationIndex(_state.Tables).FindAsync("qc-4", ct));
        Assert.Equal("duk", await index.FindAsync("qc-4", ct));
    }
}
