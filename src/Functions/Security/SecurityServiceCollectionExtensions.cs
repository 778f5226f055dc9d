using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace QuyCheWorkflow.Functions.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>The default scheme: picks Entra ID for bearer tokens (when enabled), API keys otherwise.</summary>
    public const string SchemeName = "QuyCheWorkflow";

    public const int MinimumBootstrapKeyLength = 32;

    /// <summary>
    /// API-key authentication (keys in the <c>apikeys</c> table; needs a <c>TableServiceClient</c> and a
    /// <see cref="TimeProvider"/> registered), optional Entra ID bearer tokens when <c>Auth:Entra:Authority</c> and
    /// <c>Auth:Entra:Audience</c> are set, the bootstrap key from <c>Auth:BootstrapAdminKey</c>, and one
    /// authorization policy per role (<see cref="QuyCheWorkflowPolicies"/>).
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var auth = configuration.GetSection("Auth");
        var bootstrapKey = auth["BootstrapAdminKey"];
        if (!string.IsNullOrEmpty(bootstrapKey) && bootstrapKey.Length < MinimumBootstrapKeyLength)
        {
            throw new InvalidOperationException(
                $"Auth:BootstrapAdminKey must be at least {MinimumBootstrapKeyLength} characters of random text.");
        }

        var entra = auth.GetSection("Entra");
        var entraEnabled = !string.IsNullOrEmpty(entra["Authority"]) && !string.IsNullOrEmpty(entra["Audience"]);

        services.AddProblemDetails();
        services.AddSingleton<ApiKeyStore>();
        services.TryAddSingleton<OrganisationAccess>();
        services.TryAddSingleton(TimeProvider.System);

        var builder = services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "API key or Entra ID", options =>
                options.ForwardDefaultSelector = context =>
                    entraEnabled && context.Request.Headers.Authorization.ToString()
                        .StartsWith(JwtBearerDefaults.AuthenticationScheme + " ", StringComparison.OrdinalIgnoreCase)
                        ? JwtBearerDefaults.AuthenticationScheme
                        : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, options =>
            {
                options.BootstrapAdminKey = string.IsNullOrEmpty(bootstrapKey) ? null : bootstrapKey;
                if (entraEnabled)
                {
                    options.AdditionalChallenges.Add(JwtBearerDefaults.AuthenticationScheme);
                }
            });

        if (entraEnabled)
        {
            var mapping = EntraRoleMapping.FromConfiguration(entra);
            builder.AddJwtBearer(options =>
            {
                options.Authority = entra["Authority"];
                options.Audience = entra["Audience"];
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents { OnTokenValidated = mapping.OnTokenValidatedAsync };
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(QuyCheWorkflowPolicies.Office, policy => policy.RequireRole(nameof(ApiRole.Office)))
            .AddPolicy(QuyCheWorkflowPolicies.UpperLevelOffice, policy => policy.RequireRole(nameof(ApiRole.UpperLevelOffice)))
            .AddPolicy(QuyCheWorkflowPolicies.Administrator, policy => policy.RequireRole(nameof(ApiRole.Administrator)))
            .AddPolicy(QuyCheWorkflowPolicies.AnyOffice, policy =>
                policy.RequireRole(nameof(ApiRole.Office), nameof(ApiRole.UpperLevelOffice)));
        return services;
    }
}
