using System.Net;
using Azure.Data.Tables;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Security;

public sealed class ApiKeyAuthenticationHandlerTests(SecurityAppFixture fixture, AzuriteFixture azurite) : IClassFixture<SecurityAppFixture>
{
    private SecurityTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Authenticate_KeyWithOneSecretCharacterChanged_Returns401()
    {
        var created = await App.Store.CreateAsync(ApiRole.Office, "CB-10", null, Token);
        var last = created.Key[^1];
        var forged = created.Key[..^1] + (last == 'A' ? 'B' : 'A');
        using var client = App.CreateClient(forged);

        using var response = await client.GetAsync(new Uri(SecurityTestApp.OfficePath, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("qcw_0123456789abcdef_secret")]
    [InlineData("qcw_0123456789ABCDEF_secret")]
    [InlineData("qcw_../../x_secret")]
    public async Task Authenticate_MalformedOrUnknownKey_Returns401(string key)
    {
        using var client = App.CreateClient(key);

        using var response = await client.GetAsync(new Uri(SecurityTestApp.OfficePath, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Authorize_OfficeKeyOnUpperLevelEndpoint_Returns403()
    {
        var created = await App.Store.CreateAsync(ApiRole.Office, "CB-11", null, Token);
        using var client = App.CreateClient(created.Key);

        using var response = await client.GetAsync(new Uri(SecurityTestApp.UpperLevelPath, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_UpperLevelKey_SeesItsOrganisation()
    {
        var created = await App.Store.CreateAsync(ApiRole.UpperLevelOffice, "TU", null, Token);
        using var client = App.CreateClient(created.Key);

        var organisation = await client.GetStringAsync(new Uri(SecurityTestApp.UpperLevelPath, UriKind.Relative), Token);

        Assert.Equal("TU", organisation);
    }

    [Fact]
    public async Task Store_AfterCreate_KeepsOnlyTheHashOfTheKey()
    {
        var created = await App.Store.CreateAsync(ApiRole.Office, "CB-12", null, Token);
        var table = azurite.Azurite.CreateTableServiceClient().GetTableClient(ApiKeyStore.TableName);

        TableEntity entity = await table.GetEntityAsync<TableEntity>(created.Record.KeyId, "key", cancellationToken: Token);

        var secret = created.Key[(created.Key.LastIndexOf('_') + 1)..];
        Assert.DoesNotContain(entity, p => p.Value is string s && s.Contains(secret, StringComparison.Ordinal));
        Assert.Equal(32, entity.GetBinary("Hash")?.Length);
    }

    [Fact]
    public async Task Bootstrap_NotConfigured_KeyIsRejected()
    {
        await using var app = await SecurityTestApp.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>());
        using var client = app.CreateClient(SecurityTestApp.BootstrapKey);

        using var response = await client.DeleteAsync(new Uri($"{ApiKeysApi.Path}/0123456789abcdef", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
