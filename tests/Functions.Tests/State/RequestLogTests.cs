using Azure.Core.Pipeline;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.State;

public sealed class RequestLogTests(AzuriteFixture azurite)
{
    private readonly StateTestContext _state = new(azurite);

    [Fact]
    public async Task ExecuteOnceAsync_SameRequestIdTwice_RunsOnceAndReplaysFirstOutcome()
    {
        var ct = TestContext.Current.CancellationToken;
        int runs = 0;
        Task<ApprovalOutcome> Approve(string note, CancellationToken token)
        {
            runs++;
            return Task.FromResult(new ApprovalOutcome($"Đã ghi nhận phiếu ({note})", runs));
        }

        var first = await _state.Requests.ExecuteOnceAsync("req-1", "vote.cast", t => Approve("lần 1", t), ct);
        var second = await _state.Requests.ExecuteOnceAsync("req-1", "vote.cast", t => Approve("lần 2", t), ct);

        Assert.Equal(1, runs);
        Assert.Equal(new ApprovalOutcome("Đã ghi nhận phiếu (lần 1)", 1), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ExecuteOnceAsync_CompletionAppliedButAnswerLost_ReturnsTheOutcomeAndReplaysIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dropping = new DropFirstMergeAnswer { InnerHandler = new SocketsHttpHandler() };
        using var transport = new HttpClient(dropping);
        var storageOptions = TestStorageOptions.Create();
        storageOptions.Transport = new HttpClientTransport(transport);
        var tables = new StateTables(azurite.Azurite.CreateTableServiceClient(storageOptions), _state.Options);
        var requests = new RequestLog(tables, _state.Clock);
        int runs = 0;

        var outcome = await requests.ExecuteOnceAsync("req-lost", "vote.cast", _ => Task.FromResult(new ApprovalOutcome("Đã ghi nhận", ++runs)), ct);
        var replayed = await _state.Requests.ExecuteOnceAsync("req-lost", "vote.cast", _ => Task.FromResult(new ApprovalOutcome("lần 2", ++runs)), ct);

        Assert.True(dropping.Dropped);
        Assert.Equal(new ApprovalOutcome("Đã ghi nhận", 1), outcome);
        Assert.Equal(outcome, replayed);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task ExecuteOnceAsync_CommandThrows_ReleasesClaimSoRetryRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<InvalidOperationException>(() => _state.Requests.ExecuteOnceAsync<ApprovalOutcome>(
            "req-2", "vote.cast", _ => throw new InvalidOperationException("Phiên biểu quyết đã đóng."), ct));

        var retried = await _state.Requests.ExecuteOnceAsync("req-2", "vote.cast", _ => Task.FromResult(new ApprovalOutcome("ok", 2)), ct);

        Assert.Equal(new ApprovalOutcome("ok", 2), retried);
    }

    [Fact]
    public async Task ExecuteOnceAsync_IdUsedForOtherCommand_Throws()
    {
        var ct = TestContext.Current.CancellationToken;
        await _state.Requests.ExecuteOnceAsync("req-3", "vote.cast", _ => Task.FromResult(new ApprovalOutcome("ok", 1)), ct);

        await Assert.ThrowsAsync<RequestIdReusedException>(
            () => _state.Requests.ExecuteOnceAsync("req-3", "filing.acknowledge", _ => Task.FromResult(new ApprovalOutcome("x", 9)), ct));
    }

    public sealed record ApprovalOutcome(string Message, int Run);

    /// <summary>Lets the first MERGE reach the table service, then loses its answer as a dropped connection would.</summary>
    private sealed class DropFirstMergeAnswer : DelegatingHandler
    {
        private int _dropped;

        public bool Dropped => Volatile.Read(ref _dropped) == 1;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method.Method is "MERGE" or "PATCH" && response.IsSuccessStatusCode && Interlocked.Exchange(ref _dropped, 1) == 0)
            {
                response.Dispose();
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The answer was lost after the service applied the merge.");
            }

            return response;
        }
    }
}
