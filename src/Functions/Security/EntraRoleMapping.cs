using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace QuyCheWorkflow.Functions.Security;

/// <summary>
/// Turns a validated Entra ID token into our claims: an app role (the <c>roles</c> claim) named in
/// <c>Auth:Entra:Roles:&lt;ApiRole&gt;</c> (default <c>QuyCheWorkflow.&lt;ApiRole&gt;</c>) gives that role, and the
/// organisation comes from the claim named by <c>Auth:Entra:OrganisationClaim</c> (default <c>org</c>).
/// A token without a known role, or an office role without an organisation, is rejected.
/// </summary>
internal sealed class EntraRoleMapping(IReadOnlyDictionary<string, ApiRole> appRoles, string organisationClaim)
{
    public const string RolesClaim = "roles";

    public static EntraRoleMapping FromConfiguration(IConfiguration entra)
    {
        var appRoles = new Dictionary<string, ApiRole>(StringComparer.Ordinal);
        foreach (var role in Enum.GetValues<ApiRole>())
        {
            appRoles[entra[$"Roles:{role}"] ?? $"QuyCheWorkflow.{role}"] = role;
        }

        return new EntraRoleMapping(appRoles, entra["OrganisationClaim"] ?? "org");
    }

    public Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var roles = principal.FindAll(RolesClaim).Select(static c => c.Value).ToList();
        ApiRole? role = null;
        foreach (var name in roles)
        {
            // The highest role wins when a token carries several.
            if (appRoles.TryGetValue(name, out var mapped) && (role is null || mapped > role))
            {
                role = mapped;
            }
        }

        var organisationId = principal.FindFirst(organisationClaim)?.Value;
        if (role is null || (role != ApiRole.Administrator && string.IsNullOrEmpty(organisationId)))
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<EntraRoleMapping>>();
            Log.EntraTokenWithoutMapping(logger, roles);
            context.Fail("The token carries no QuyCheWorkflow role or no organisation.");
            return Task.CompletedTask;
        }

        var subject = principal.FindFirst("oid")?.Value ?? principal.FindFirst("sub")?.Value ?? "entra";
        context.Principal = new ClaimsPrincipal(
            QuyCheWorkflowClaimTypes.CreateIdentity(JwtBearerDefaults.AuthenticationScheme, "entra:" + subject, role.Value, organisationId));
        return Task.CompletedTask;
    }
}
