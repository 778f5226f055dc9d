using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace QuyCheWorkflow.Functions.Tests.Security;

public sealed class EntraRoleMappingTests(EntraAppFixture fixture) : IClassFixture<EntraAppFixture>
{
    private const string Issuer = EntraAppFixture.Issuer;
    private const string Audience = EntraAppFixture.Audience;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

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
        var client = fixture.App.CreateClient();
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
            SigningCredentials = new SigningCredentials(fixture.SigningKey, SecurityAlgorithms.HmacSha256),
        });
}
