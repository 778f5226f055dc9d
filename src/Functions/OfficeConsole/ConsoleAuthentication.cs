using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.OfficeConsole;

/// <summary>
/// The console's session: an ASP.NET Core cookie (<see cref="Scheme"/>) scoped to <see cref="ConsolePaths.Root"/>,
/// used only by the console's pages (the API keeps its API keys and Entra ID tokens: the cookie never reaches
/// <c>/api</c>, and no API endpoint accepts this scheme). Every request re-reads the account, so a disabled account's
/// session ends at its next request, and so does every session started before the account's
/// <see cref="Account.SessionsValidFrom"/> (the person signed out on every device, or the account was disabled).
/// </summary>
public static class ConsoleAuthentication
{
    /// <summary>The cookie authentication scheme of the console.</summary>
    public const string Scheme = "Console";

    /// <summary>The authorization policy every console page (except signing in) requires: a console session.</summary>
    public const string Policy = "ConsoleSession";

    public const string CookieName = "qcw-vp";

    /// <summary>How long a session lasts without a request; each request past half of it renews it.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// The principal of a console session for <paramref name="account"/>: the claims <see cref="ConsoleUser.From"/>
    /// reads, and the API's role and organisation claims, so the API's access rules apply unchanged.
    /// </summary>
    public static ClaimsPrincipal PrincipalFor(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = QuyCheWorkflowClaimTypes.CreateIdentity(Scheme, "account:" + account.Id, account.Role, account.OrganisationId);
        identity.AddClaim(new Claim(ConsoleUser.AccountIdClaim, account.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, account.FullName));
        identity.AddClaim(new Claim(ClaimTypes.Email, account.Email));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>True when <paramref name="principal"/> is a console session (not an API caller).</summary>
    public static bool IsConsoleSession(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == Scheme) &&
            principal.FindFirst(ConsoleUser.AccountIdClaim) is not null;
    }

    /// <summary>
    /// Ends the session of an account that is gone or disabled or whose sessions were ended since it started, and brings the principal up to date when the account
    /// changed (name, organisation, role). One point read per request.
    /// </summary>
    internal static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var accountId = context.Principal?.FindFirst(ConsoleUser.AccountIdClaim)?.Value;
        var store = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        var account = accountId is null ? null : (await store.GetAsync(accountId, context.HttpContext.RequestAborted))?.Value;
        if (account is null || !account.AcceptsSessionIssuedAt(context.Properties.IssuedUtc))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        var current = ConsoleUser.From(context.Principal!);
        if (current != new ConsoleUser(account.Id, account.FullName, account.Email, account.OrganisationId, account.Role))
        {
            context.ReplacePrincipal(PrincipalFor(account));
            context.ShouldRenew = true;
        }
    }
}
