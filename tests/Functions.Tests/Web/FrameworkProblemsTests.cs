using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Web;

/// <summary>
/// Errors that ASP.NET Core produces before an endpoint runs, against a stored organisation: each answers RFC 9457
/// problem details titled in Vietnamese, and the organisation is read back unchanged.
/// </summary>
public sealed class FrameworkProblemsTests(OfficeAppFixture fixture) : IClassFixture<OfficeAppFixture>
{
    private OfficeTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Translate_MalformedJsonBody_Returns400InVietnameseAndChangesNothing()
    {
        var (client, organisationId, before) = await SeedAsync();
        using var _ = client;

        using var response = await client.PatchAsync(OrganisationPath(organisationId),
            new StringContent("{\"name\": \"Đổi tên\",", Encoding.UTF8, "application/json"), Token);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        Assert.DoesNotContain("Failed to read", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("parameter", problem, StringComparison.Ordinal);
        Assert.Equal(before, await ETagAsync(organisationId));
    }

    [Fact]
    public async Task Translate_OversizedJsonBody_Returns413InVietnameseAndChangesNothing()
    {
        var (client, organisationId, before) = await SeedAsync();
        using var _ = client;
        var name = new string('a', (int)OfficeApiOptions.MaxJsonBodyBytes + 1);

        using var response = await client.PatchAsync(OrganisationPath(organisationId),
            new StringContent($"{{\"name\": \"{name}\"}}", Encoding.UTF8, "application/json"), Token);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Nội dung yêu cầu quá lớn");
        Assert.Equal(before, await ETagAsync(organisationId));
    }

    [Fact]
    public async Task Translate_WrongContentType_Returns415InVietnameseAndChangesNothing()
    {
        var (client, organisationId, before) = await SeedAsync();
        using var _ = client;

        using var response = await client.PatchAsync(OrganisationPath(organisationId),
            new StringContent("{\"name\": \"Đổi tên\"}", Encoding.UTF8, "text/plain"), Token);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Kiểu nội dung không được hỗ trợ");
        Assert.Equal(before, await ETagAsync(organisationId));
    }

    [Fact]
    public async Task Translate_UnknownApiRoute_Returns404InVietnamese()
    {
        var (client, organisationId, before) = await SeedAsync();
        using var _ = client;

        using var response = await client.PostAsync($"{OrganisationPath(organisationId)}/khong-co",
            new StringContent("{}", Encoding.UTF8, "application/json"), Token);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "Không tìm thấy");
        Assert.Equal(before, await ETagAsync(organisationId));
    }

    [Fact]
    public async Task Translate_MethodNotAllowed_Returns405InVietnameseAndChangesNothing()
    {
        var (client, organisationId, before) = await SeedAsync();
        using var _ = client;

        using var response = await client.DeleteAsync(OrganisationPath(organisationId), Token);

        var problem = await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "Phương thức không được hỗ trợ");
        Assert.Contains("DELETE", problem, StringComparison.Ordinal);
        Assert.Equal(before, await ETagAsync(organisationId));
    }

    [Fact]
    public async Task Translate_ProblemTheAppTitled_KeepsItsTitleAndDetail()
    {
        var (client, organisationId, _) = await SeedAsync();
        using var __ = client;

        using var response = await client.GetAsync($"{OrganisationPath(organisationId)}/regulations/khong-co", Token);

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "Không tìm thấy");
        using var json = JsonDocument.Parse(problem);
        Assert.Equal("Không tìm thấy quy chế trong phạm vi tổ chức của bạn.", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Translate_MethodNotAllowedOnAPage_KeepsTheHtmlPage()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress() };
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/bang-dieu-khien");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"vi\">", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, string OrganisationId, string ETag)> SeedAsync()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        return (client, organisation.Id, await ETagAsync(organisation.Id));
    }

    private async Task<string> ETagAsync(string organisationId) =>
        (await App.Organisations.GetAsync(organisationId, Token))!.ETag.ToString();

    private Uri BaseAddress() => new(((Microsoft.AspNetCore.Hosting.Server.IServer)App.Services
        .GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer))!)
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single());

    private static string OrganisationPath(string organisationId) => $"{OrganisationsApi.Path}/{organisationId}";

    /// <summary>Checks the status, the RFC 9457 content type, the Vietnamese title and the status field; returns the body.</summary>
    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("type", out _), body);
        Assert.False(problem.RootElement.GetProperty("detail").GetString()!.All(char.IsAscii), body);
        return body;
    }
}
