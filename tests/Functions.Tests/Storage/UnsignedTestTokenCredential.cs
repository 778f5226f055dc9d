using System.Text;
using System.Text.Json;
using Azure.Core;

namespace QuyCheWorkflow.Functions.Tests.Storage;

/// <summary>
/// Issues JWTs shaped like Entra ID access tokens for Azure Storage (aud https://storage.azure.com, an
/// sts.windows.net issuer) but not validly signed: Azurite's <c>--oauth basic</c> checks lifetime, issuer and
/// audience only. Stands in for the managed identity, which exists only in Azure.
/// </summary>
internal sealed class UnsignedTestTokenCredential(TimeProvider timeProvider, string issuer = "https://sts.windows.net/00000000-0000-0000-0000-000000000001/") : TokenCredential
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyList<string> RequestedScopes { get; private set; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        RequestedScopes = requestContext.Scopes;
        var now = timeProvider.GetUtcNow();
        var expiresOn = now.AddHours(1);
        var header = Encode(new { alg = "RS256", typ = "JWT" });
        var payload = Encode(new Dictionary<string, object>
        {
            ["aud"] = "https://storage.azure.com",
            ["iss"] = issuer,
            ["iat"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = expiresOn.ToUnixTimeSeconds(),
            ["oid"] = "11111111-2222-3333-4444-555555555555",
            ["tid"] = "00000000-0000-0000-0000-000000000001",
        });
        return new AccessToken($"{header}.{payload}.{Base64Url(Encoding.ASCII.GetBytes("not-a-signature"))}", expiresOn);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Encode<T>(T value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
