using Azure.Core;
using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Storage.Pipeline;

/// <summary>
/// Caches the storage access token of one credential and refreshes it five minutes before it expires. Thread-safe:
/// concurrent callers share one refresh.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never read holds no unmanaged resource; the cache lives as long as its client.")]
internal sealed class BearerTokenCache(TokenCredential credential, TimeProvider timeProvider, ILogger logger)
{
    private static readonly TokenRequestContext s_context = new(["https://storage.azure.com/.default"]);
    private static readonly TimeSpan s_refreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);

    // A reference, so readers outside the lock never see half of a token.
    private volatile CachedToken? _token;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && !NeedsRefresh(cached))
        {
            return cached.Value;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } current && !NeedsRefresh(current))
            {
                return current.Value;
            }

            AccessToken fresh;
            try
            {
                fresh = await credential.GetTokenAsync(s_context, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A token that has not expired yet is still good while the identity endpoint is unwell.
                if (_token is { } stillValid && stillValid.ExpiresOn > timeProvider.GetUtcNow())
                {
                    return stillValid.Value;
                }

                throw new StorageRequestFailedException(401, null, null, "Could not obtain an access token for Azure Storage: " + exception.Message, exception);
            }

            _token = new CachedToken(fresh.Token, fresh.ExpiresOn);
            Log.TokenRefreshed(logger, fresh.ExpiresOn);
            return fresh.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the cached token, so the next request fetches a new one.</summary>
    public void Invalidate() => _token = null;

    private bool NeedsRefresh(CachedToken token) => timeProvider.GetUtcNow() >= token.ExpiresOn - s_refreshMargin;

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresOn);
}
