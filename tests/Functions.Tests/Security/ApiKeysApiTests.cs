using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Security;

public sealed class ApiKeysApiTests(SecurityAppFixture fixture) : IClassFixture<SecurityAppFixture>
{
    // The API writes enums as their names ("role": "Office").
    private static readonly JsonSerializerOptions s_enumsAsNames = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private SecurityTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateApiKey_WithBootstrapKey_ReturnsKeyThatAuthenticatesForItsOrganisation()
    {
        using var admin = App.CreateClient(SecurityTestApp.BootstrapKey);

        using var response = await admin.PostAsJsonAsync(
            ApiKeysApi.Path, new CreateApiKeyRequest("ĐU-TANPHUOC", "Office", "Văn phòng Đảng ủy"), Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<ApiKeyCreatedResponse>(s_enumsAsNames, Token);
        Assert.NotNull(created);
        Assert.Equal(ApiRole.Office, created.Role);
        Assert.StartsWith("qcw_" + created.KeyId + "_", created.Key, StringComparison.Ordinal);
        Assert.Equal($"{ApiKeysApi.Path}/{created.KeyId}", response.Headers.Location?.OriginalString);
        using var office = App.CreateClient(created.Key);
        Assert.Equal("ĐU-TANPHUOC", await office.GetStringAsync(new Uri(SecurityTestApp.OfficePath, UriKind.Relative), Token));
    }

    [Fact]
    public async Task CreateApiKey_WithXApiKeyHeader_IsAccepted()
    {
        using var admin = App.CreateClient();
        admin.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, SecurityTestApp.BootstrapKey);

        using var response = await admin.PostAsJsonAsync(ApiKeysApi.Path, new CreateApiKeyRequest("TU", "UpperLevelOffice", null), Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("CB-01", "Secretary")]
    [InlineData("CB-01", "1")]
    [InlineData("CB-01", "Office,Administrator")]
    [InlineData("", "Office")]
    [InlineData("có khoảng trắng", "Office")]
    [InlineData(null, null)]
    public async Task CreateApiKey_BadInput_Returns400ProblemDetails(string? organisationId, string? role)
    {
        using var admin = App.CreateClient(SecurityTestApp.BootstrapKey);

        using var response = await admin.PostAsJsonAsync(ApiKeysApi.Path, new CreateApiKeyRequest(organisationId, role, null), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("Yêu cầu không hợp lệ", problem.RootElement.GetProperty("title").GetString());
        var messages = problem.RootElement.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.DoesNotContain(" / ", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateApiKey_WithoutKey_Returns401WithChallenge()
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.PostAsJsonAsync(ApiKeysApi.Path, new CreateApiKeyRequest("TU", "Office", null), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertVietnameseOnlyAsync(response, "Chưa xác thực", "Thiếu khóa API hợp lệ (tiêu đề Authorization: ApiKey <khóa> hoặc X-Api-Key).");
    }

    [Fact]
    public async Task CreateApiKey_WithOfficeKey_Returns403ProblemDetails()
    {
        var office = await App.Store.CreateAsync(ApiRole.Office, "CB-02", null, Token);
        using var client = App.CreateClient(office.Key);

        using var response = await client.PostAsJsonAsync(ApiKeysApi.Path, new CreateApiKeyRequest("TU", "Administrator", null), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertVietnameseOnlyAsync(response, "Không có quyền", "Khóa API này không có quyền thực hiện thao tác.");
    }

    [Fact]
    public async Task RevokeApiKey_ThenUsingIt_Returns401()
    {
        var office = await App.Store.CreateAsync(ApiRole.Office, "CB-03", null, Token);
        using var admin = App.CreateClient(SecurityTestApp.BootstrapKey);
        using var client = App.CreateClient(office.Key);
        using var before = await client.GetAsync(new Uri(SecurityTestApp.OfficePath, UriKind.Relative), Token);

        using var revoked = await admin.DeleteAsync(new Uri($"{ApiKeysApi.Path}/{office.Record.KeyId}", UriKind.Relative), Token);
        using var after = await client.GetAsync(new Uri(SecurityTestApp.OfficePath, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.NotNull((await App.Store.GetAsync(office.Record.KeyId, Token))?.RevokedAt);
    }

    [Fact]
    public async Task RevokeApiKey_UnknownKey_Returns404ProblemDetails()
    {
        using var admin = App.CreateClient(SecurityTestApp.BootstrapKey);

        using var response = await admin.DeleteAsync(new Uri($"{ApiKeysApi.Path}/0123456789abcdef", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertVietnameseOnlyAsync(response, "Không tìm thấy khóa API", null);
    }

    // One language in every problem reply, as FrameworkProblems gives for the rest of the API: no "… / English" halves.
    private static async Task AssertVietnameseOnlyAsync(HttpResponseMessage response, string title, string? detail)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        if (detail is not null)
        {
            Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
        }
    }
}
