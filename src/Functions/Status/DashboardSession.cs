using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// How a person in an office signs in to the dashboard: once with the office's API key, which is checked against
/// <see cref="ApiKeyStore"/> and then never kept; the browser gets a cookie holding only the key's id, encrypted and
/// signed by ASP.NET Core data protection with an expiry, HttpOnly, Secure and SameSite=Strict, scoped to the
/// dashboard's path. Every request re-reads the key's record, so revoking the key ends the session at once.
/// </summary>
public sealed class DashboardSession(IDataProtectionProvider dataProtection, ApiKeyStore keys)
{
    public const string CookieName = "qcw-bdk";
    public const string AuthenticationType = "DashboardSession";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("QuyCheWorkflow.Status.DashboardSession.v1").ToTimeLimitedDataProtector();

    /// <summary>The key's record when <paramref name="apiKey"/> is a valid office key; null otherwise (unknown, revoked, administrator).</summary>
    public async Task<ApiKeyRecord?> ValidateAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var record = await keys.FindValidAsync(apiKey.Trim(), cancellationToken);
        return record is { Role: ApiRole.Office or ApiRole.UpperLevelOffice } ? record : null;
    }

    public void SignIn(HttpContext context, ApiKeyRecord record)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(record);
        context.Response.Cookies.Append(CookieName, _protector.Protect(record.KeyId, Lifetime), CookieOptions());
    }

    public static void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, CookieOptions());
    }

    /// <summary>The signed-in person as a principal with the key's role and organisation, or null.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out string? cookie) || string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        string keyId;
        try
        {
            keyId = _protector.Unprotect(cookie);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Tampered, expired or written with a key ring we no longer have: the person signs in again.
            return null;
        }

        var record = await keys.GetAsync(keyId, context.RequestAborted);
        if (record is null || record.IsRevoked || record.Role is not (ApiRole.Office or ApiRole.UpperLevelOffice))
        {
            return null;
        }

        var identity = QuyCheWorkflowClaimTypes.CreateIdentity(AuthenticationType, "apikey:" + record.KeyId, record.Role, record.OrganisationId);
        identity.AddClaim(new Claim(QuyCheWorkflowClaimTypes.ApiKeyId, record.KeyId));
        return new ClaimsPrincipal(identity);
    }

    private static CookieOptions CookieOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = DashboardPages.Path,
        IsEssential = true,
    };
}
