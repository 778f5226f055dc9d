using Microsoft.AspNetCore.Authentication;

namespace QuyCheWorkflow.Functions.Security;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>
    /// The configured bootstrap administrator key (<c>Auth:BootstrapAdminKey</c>), or null. It authenticates as an
    /// administrator so the first keys can be created; remove it from configuration once real keys exist.
    /// </summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>Extra WWW-Authenticate challenges (e.g. Bearer when Entra ID is enabled).</summary>
    public IList<string> AdditionalChallenges { get; } = [];
}
