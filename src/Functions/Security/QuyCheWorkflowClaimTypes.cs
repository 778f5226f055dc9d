using System.Security.Claims;

namespace QuyCheWorkflow.Functions.Security;

/// <summary>The claims every authenticated API caller carries, whichever way it signed in.</summary>
public static class QuyCheWorkflowClaimTypes
{
    /// <summary>The organisation the caller acts for (its code in the organisation tree).</summary>
    public const string Organisation = "qcw:org";

    /// <summary>The <see cref="ApiRole"/> name; the standard role claim type so <c>IsInRole</c> works.</summary>
    public const string Role = ClaimTypes.Role;

    /// <summary>The id of the API key used (absent for Entra ID callers and the bootstrap key).</summary>
    public const string ApiKeyId = "qcw:keyid";

    /// <summary>Present when the caller used the configured bootstrap administrator key.</summary>
    public const string Bootstrap = "qcw:bootstrap";

    public static string? GetOrganisationId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(Organisation)?.Value;
    }

    public static ApiRole? GetApiRole(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Enum.TryParse<ApiRole>(principal.FindFirst(Role)?.Value, ignoreCase: false, out var role) ? role : null;
    }

    internal static ClaimsIdentity CreateIdentity(string authenticationType, string subject, ApiRole role, string? organisationId)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.NameIdentifier, Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject));
        identity.AddClaim(new Claim(Role, role.ToString()));
        if (!string.IsNullOrEmpty(organisationId))
        {
            identity.AddClaim(new Claim(Organisation, organisationId));
        }

        return identity;
    }
}
