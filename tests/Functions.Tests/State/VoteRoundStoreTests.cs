using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class VoteRoundStoreTests(AzuriteFixture azurite)
{
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task UpdateAsync_FifteenBallotsWithLongReasons_RoundTrips()
    {
        var ct = TestContext.Current.CancellationToken;
        var vote = StateTestData.InVote("du-cty", "reg-1", StateTestData.Committee(15)).Vote;
        var etag = await _state.Votes.AddAsync(vote.ToState(), ct);
        string reason = string.Concat(Enumerable.Repeat("Chưa phù hợp với quy chế mẫu của Ban Bí thư; đề nghị bổ sung Điều 5. ", 60));
        for (int i = 1; i <= 15; i++)
        {
            vote.Cast($"m{i}", i % 2 == 0 ? VoteChoice.Disagree : VoteChoice.Agree, reason, TestData.T0.AddDays(4));
        }

        await _state.Votes.UpdateAsync(vote.ToState(), etag, ct);
        var loaded = await _state.Votes.GetAsync("reg-1", vote.Id, ct);

        Assert.NotNull(loaded);
        Assert.Equal(15, loaded.Value.Ballots.Count);
        Assert.Equal(StateJson.Serialize(vote.ToState()), StateJson.Serialize(loaded.Value));
        Assert.Equal(vote.Status, VoteRound.FromState(loaded.Value).Status);
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_ThrowsAndKeepsFirstBallot()
    {
        var ct = TestContext.Current.CancellationToken;
        var walk = StateTestData.InVote("du-cty", "reg-1", StateTestData.Committee(5));
        var etag = await _state.Votes.AddAsync(walk.Vote.ToState(), ct);
        var first = VoteRound.FromState(walk.Vote.ToState());
        first.Cast("m1", VoteChoice.Agree, null, TestData.T0.AddDays(4));
        var second = VoteRound.FromState(walk.Vote.ToState());
        second.Cast("m2", VoteChoice.Disagree, "Không đồng ý", TestData.T0.AddDays(4));
        await _state.Votes.UpdateAsync(first.ToState(), etag, ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _state.Votes.UpdateAsync(second.ToState(), etag, ct));

        var loaded = await _state.Votes.GetAsync("reg-1", walk.Vote.Id, ct);
        Assert.Equal(["m1"], loaded!.Value.Ballots.Select(b => b.MemberId));
    }
}
