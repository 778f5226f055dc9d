using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class DocumentNumberRegistryTests(AzuriteFixture azurite)
{
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task RegisterNextAsync_TwoConcurrentIssuers_GetDistinctNumbersOneAndTwo()
    {
        var ct = TestContext.Current.CancellationToken;
        TaskCompletionSource go = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = new[] { Issue("reg-a"), Issue("reg-b") };
        go.SetResult();

        var issued = await Task.WhenAll(racing);

        Assert.Equal([1, 2], issued.Select(r => r.Number).Order());
        Assert.Equal(["01", "02"], issued.Select(r => DocumentNumber.FormatNumber(r.Number)).Order());
        var register = await _state.Numbers.ListAsync("du-cty", TestData.Term2025, DocumentType.Regulation, ct);
        Assert.Equal(2, register.Count);
        Assert.Equal(["reg-a", "reg-b"], register.Select(r => r.SubjectId).Order());

        async Task<NumberRegistration> Issue(string subject)
        {
            // Released together, so both usually read the register before either inserts.
            await go.Task;
            return await _state.Numbers.RegisterNextAsync("du-cty", TestData.Term2025, DocumentType.Regulation, subject, ct);
        }
    }

    [Fact]
    public async Task RegisterNextAsync_OtherTypeOrTerm_StartsAgainAtOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await _state.Numbers.RegisterNextAsync("du-cty", TestData.Term2025, DocumentType.Regulation, "reg-1", ct);

        var decision = await _state.Numbers.RegisterNextAsync("du-cty", TestData.Term2025, DocumentType.Decision, "qd-1", ct);
        var nextTerm = await _state.Numbers.RegisterNextAsync("du-cty", new(2030, 2035), DocumentType.Regulation, "reg-2", ct);
        var second = await _state.Numbers.RegisterNextAsync("du-cty", TestData.Term2025, DocumentType.Regulation, "reg-3", ct);

        Assert.Equal(1, decision.Number);
        Assert.Equal(1, nextTerm.Number);
        Assert.Equal(2, second.Number);
    }
}
