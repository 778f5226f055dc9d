using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace QuyCheWorkflow.Functions.Security;

/// <summary>
/// Authenticates <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> against <see cref="ApiKeyStore"/>
/// (or the bootstrap key); answers 401 with WWW-Authenticate and 403, both as problem details in Vietnamese only, as
/// every other problem reply.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IServiceProvider services)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string BootstrapSubject = "bootstrap-administrator";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadPresentedKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (IsBootstrapKey(key))
        {
            Log.BootstrapKeyUsed(Logger);
            var bootstrap = QuyCheWorkflowClaimTypes.CreateIdentity(SchemeName, BootstrapSubject, ApiRole.Administrator, organisationId: null);
            bootstrap.AddClaim(new Claim(QuyCheWorkflowClaimTypes.Bootstrap, "true"));
            return Success(bootstrap);
        }

        // Resolved only here, so a request without a key never needs storage.
        var store = services.GetRequiredService<ApiKeyStore>();
        var record = await store.FindValidAsync(key, Context.RequestAborted);
        if (record is null)
        {
            Log.ApiKeyRejected(Logger);
            return AuthenticateResult.Fail("The API key is unknown, revoked or malformed.");
        }

        var identity = QuyCheWorkflowClaimTypes.CreateIdentity(SchemeName, "apikey:" + record.KeyId, record.Role, record.OrganisationId);
        identity.AddClaim(new Claim(QuyCheWorkflowClaimTypes.ApiKeyId, record.KeyId));
        return Success(identity);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var challenges = new List<string> { $"{SchemeName} realm=\"QuyCheWorkflow\"" };
        challenges.AddRange(Options.AdditionalChallenges);
        Response.Headers[HeaderNames.WWWAuthenticate] = challenges.ToArray();
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            "Chưa xác thực",
            "Thiếu khóa API hợp lệ (tiêu đề Authorization: ApiKey <khóa> hoặc X-Api-Key).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "Không có quyền",
            "Khóa API này không có quyền thực hiện thao tác.");

    internal static string? ReadPresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            var value = authorization[(SchemeName.Length + 1)..].Trim();
            return value.Length == 0 ? null : value;
        }

        var header = request.Headers[HeaderName].ToString().Trim();
        return header.Length == 0 ? null : header;
    }

    private bool IsBootstrapKey(string key)
    {
        var bootstrap = Options.BootstrapAdminKey;
        if (string.IsNullOrEmpty(bootstrap))
        {
            return false;
        }

        // Hash both sides so the comparison takes the same time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(key)), SHA256.HashData(Encoding.UTF8.GetBytes(bootstrap)));
    }

    private AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
