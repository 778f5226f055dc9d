using System.Security.Claims;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.OfficeConsole;

/// <summary>
/// The person signed in to the console, read from the session's principal. The principal carries the same role
/// and organisation claims an API caller does (<see cref="QuyCheWorkflowClaimTypes"/>), so every access rule the
/// API applies (<see cref="OrganisationAccess"/>, the status reports) applies to the console unchanged.
/// </summary>
/// <param name="AccountId">The account's id.</param>
/// <param name="FullName">The person's full name, as the timeline shows it.</param>
/// <param name="Email">The address the sign-in links go to.</param>
/// <param name="OrganisationId">The organisation whose office the person works in.</param>
/// <param name="Role">What the person may do, as the API's roles say it.</param>
public sealed record ConsoleUser(string AccountId, string FullName, string Email, string OrganisationId, ApiRole Role)
{
    /// <summary>The claim holding <see cref="AccountId"/>.</summary>
    public const string AccountIdClaim = "qcw:account";

    /// <summary>The person signed in to the console, or null when <paramref name="principal"/> is not a console session.</summary>
    public static ConsoleUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var accountId = principal.FindFirst(AccountIdClaim)?.Value;
        var name = principal.FindFirst(ClaimTypes.Name)?.Value;
        var email = principal.FindFirst(ClaimTypes.Email)?.Value;
        var organisationId = principal.GetOrganisationId();
        return accountId is null || name is null || email is null || organisationId is null || principal.GetApiRole() is not { } role
            ? null
            : new ConsoleUser(accountId, name, email, organisationId, role);
    }
}
