using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Security;

/// <summary>
/// One <see cref="SecurityTestApp"/> that trusts Entra ID tokens of <see cref="Issuer"/> for <see cref="Audience"/>,
/// signed with <see cref="SigningKey"/>, for a whole test class; each test signs its own tokens.
/// </summary>
public sealed class EntraAppFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    public const string Issuer = "https://login.example.test/tenant/v2.0";
    public const string Audience = "api://quy-che-workflow";

    private SecurityTestApp? _app;

    public SymmetricSecurityKey SigningKey { get; } = new(RandomNumberGenerator.GetBytes(32));

    internal SecurityTestApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public async ValueTask InitializeAsync() =>
        _app = await SecurityTestApp.StartAsync(
            azurite.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Auth:Entra:Authority"] = Issuer,
                ["Auth:Entra:Audience"] = Audience,
            },
            services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                // No metadata download in tests: the issuer and key are given directly.
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(SigningKey);
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
