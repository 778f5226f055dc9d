using System.Net;
using Azure.Core;
using QuyCheWorkflow.Storage.Blobs;
using QuyCheWorkflow.Storage.Tables;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Storage.Tests;

public sealed class BearerTokenCacheTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TableRequest_WithTokenCredential_SendsBearerTokenScopeAndTableVersion()
    {
        var clock = new FakeTimeProvider(s_start);
        var credential = new CountingCredential(clock);
        var capture = new CapturingHandler(_ => HttpStatusCode.NoContent);
        var table = new TableServiceClient(TokenConnection(credential), new StorageClientOptions { TimeProvider = clock, Handlers = { capture } })
            .GetTableClient("regulations");

        await table.UpsertEntityAsync(new TableEntity("p", "r"), TableUpdateMode.Replace, _ct);

        var request = Assert.Single(capture.Requests);
        Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
        Assert.Equal("token-1", request.Headers.Authorization?.Parameter);
        Assert.Equal("2019-02-02", Assert.Single(request.Headers.GetValues("x-ms-version")));
        Assert.Equal(["https://storage.azure.com/.default"], credential.LastScopes);
        Assert.Equal(s_start.ToString("R"), Assert.Single(request.Headers.GetValues("x-ms-date")));
    }

    [Fact]
    public async Task BlobRequests_TokenStillFresh_ReusesCachedToken()
    {
        var clock = new FakeTimeProvider(s_start);
        var credential = new CountingCredential(clock);
        var capture = new CapturingHandler(_ => HttpStatusCode.OK);
        var container = new BlobServiceClient(TokenConnection(credential), new StorageClientOptions { TimeProvider = clock, Handlers = { capture } })
            .GetBlobContainerClient("docs");

        await container.BlobExistsAsync("a", _ct);
        clock.Advance(TimeSpan.FromMinutes(50));
        await container.BlobExistsAsync("b", _ct);

        Assert.Equal(1, credential.Calls);
        Assert.All(capture.Requests, r => Assert.Equal("token-1", r.Headers.Authorization?.Parameter));
        Assert.Equal("2021-12-02", Assert.Single(capture.Requests[0].Headers.GetValues("x-ms-version")));
    }

    [Fact]
    public async Task BlobRequest_TokenNearExpiry_RefreshesToken()
    {
        var clock = new FakeTimeProvider(s_start);
        var credential = new CountingCredential(clock);
        var capture = new CapturingHandler(_ => HttpStatusCode.OK);
        var container = new BlobServiceClient(TokenConnection(credential), new StorageClientOptions { TimeProvider = clock, Handlers = { capture } })
            .GetBlobContainerClient("docs");

        await container.BlobExistsAsync("a", _ct);
        clock.Advance(TimeSpan.FromMinutes(56));
        await container.BlobExistsAsync("b", _ct);

        Assert.Equal(2, credential.Calls);
        Assert.Equal("token-2", capture.Requests[1].Headers.Authorization?.Parameter);
    }

    [Fact]
    public async Task Request_ServiceAnswers401_NextRequestFetchesNewToken()
    {
        var clock = new FakeTimeProvider(s_start);
        var credential = new CountingCredential(clock);
        var capture = new CapturingHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/revoked", StringComparison.Ordinal) ? HttpStatusCode.Unauthorized : HttpStatusCode.OK);
        var container = new BlobServiceClient(TokenConnection(credential), new StorageClientOptions { TimeProvider = clock, Handlers = { capture } })
            .GetBlobContainerClient("docs");

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => container.GetBlobPropertiesAsync("revoked", _ct));
        await container.BlobExistsAsync("next", _ct);

        Assert.Equal(401, failure.Status);
        Assert.DoesNotContain("token-1", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, credential.Calls);
        Assert.Equal("token-2", capture.Requests[^1].Headers.Authorization?.Parameter);
    }

    [Fact]
    public async Task Request_CredentialFails_Surfaces401WithoutSending()
    {
        var capture = new CapturingHandler(_ => HttpStatusCode.OK);
        var container = new BlobServiceClient(TokenConnection(new FailingCredential()), new StorageClientOptions { Handlers = { capture } })
            .GetBlobContainerClient("docs");

        var failure = await Assert.ThrowsAsync<StorageRequestFailedException>(() => container.BlobExistsAsync("a", _ct));

        Assert.Equal(401, failure.Status);
        Assert.Empty(capture.Requests);
    }

    private static StorageConnection TokenConnection(TokenCredential credential) => StorageConnection.FromTokenCredential(
        new Uri("https://quyche.blob.core.windows.net"), new Uri("https://quyche.queue.core.windows.net"), new Uri("https://quyche.table.core.windows.net"), credential);

    /// <summary>Issues token-1, token-2, … each valid for one hour from the fake clock's now.</summary>
    private sealed class CountingCredential(TimeProvider clock) : TokenCredential
    {
        private int _calls;

        public int Calls => _calls;

        public string[] LastScopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            LastScopes = requestContext.Scopes;
            var call = Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(new AccessToken($"token-{call}", clock.GetUtcNow().AddHours(1)));
        }
    }

    private sealed class FailingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No identity available.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No identity available.");
    }
}
