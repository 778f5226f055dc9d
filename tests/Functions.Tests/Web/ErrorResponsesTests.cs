using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace QuyCheWorkflow.Functions.Tests.Web;

public sealed class ErrorResponsesTests(PageAppFixture fixture) : IClassFixture<PageAppFixture>, IDisposable
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task UnknownApiPath_Always_Returns404ProblemDetails()
    {
        using var response = await _client!.GetAsync(new Uri("/api/khong-co", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task UnknownPagePath_AcceptingOnlyJson_Returns404ProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/khong-co", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await _client!.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FailingPage_AcceptingHtml_Returns500VietnamesePage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/test/boom", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        using var response = await _client!.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Đã có lỗi xảy ra", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Simulated failure", html, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task FailingApi_Always_Returns500ProblemDetailsWithoutExceptionText()
    {
        using var response = await _client!.GetAsync(new Uri("/api/test/boom", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Simulated failure", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stylesheet_Always_ServedAsCacheableCss()
    {
        using var response = await _client!.GetAsync(
            new Uri(QuyCheWorkflow.Functions.Web.SiteAssets.StylesheetPath, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains(":focus-visible", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
