using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Security;

public sealed class EntraRoleMappingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Issuer = "https://login.example.test/tenant/v2.0";
    private const string Audience = "api://quy-che-workflow";

    private readonly SymmetricSecurityKey _signingKey = new(RandomNumberGenerator.GetBytes(32));
    private SecurityTestApp? _app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

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
                configuration.SigningKeys.Add(_signingKey);
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Bearer_WithOfficeAppRoleAndOrg_ActsForThatOrganisation()
    {
        using var client = BearerClient(CreateToken(("roles", "QuyCheWorkflow.Office"), ("org", "CB-20")));

        using var response = await client.GetAsync(new Uri(SecurityTestApp.OfficePath, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CB-20", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Bearer_WithoutKnownRole_Returns401()
    {
        using var client = BearerClient(CreateToken(("roles", "Something.Else"), ("org", "CB-20")));

        using var response = await client.GetAsync(new Uri(SecurityTestApp.OfficePath, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_OfficeRoleWithoutOrganisation_Returns401()
    {
        using var client = BearerClient(CreateToken(("roles", "QuyCheWorkflow.Office")));

        using var response = await client.GetAsync(new Uri(SecurityTestApp.OfficePath, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_ForAnotherAudience_Returns401()
    {
        using var client = BearerClient(CreateToken("api://someone-else", ("roles", "QuyCheWorkflow.Office"), ("org", "CB-20")));

        using var response = await client.GetAsync(new Uri(SecurityTestApp.OfficePath, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient BearerClient(string jwt)
    {
        var client = _app!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
        return client;
    }

    private string CreateToken(params (string Type, string Value)[] claims) => CreateToken(Audience, claims);

    private string CreateToken(string audience, params (string Type, string Value)[] claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)).Append(new Claim("oid", "user-1"))),
            SigningCredentials = new SigningCredentials(_signingKey, SecurityAlgorithms.HmacSha256),
        });
}
