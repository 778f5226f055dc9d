using System.Net;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.Status;

public sealed class DashboardPagesTests(StatusHostFixture fixture) : IClassFixture<StatusHostFixture>
{
    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/bang-dieu-khien", ConsolePaths.Dashboard)]
    [InlineData("/bang-dieu-khien?stage=InVote&overdue=true", ConsolePaths.Dashboard + "?stage=InVote&overdue=true")]
    [InlineData("/bang-dieu-khien/tai-xuong.csv?type=Agency", ConsolePaths.DashboardCsv + "?type=Agency")]
    [InlineData("/bang-dieu-khien/quy-che/reg-base-1", ConsolePaths.Dashboard + "/quy-che/reg-base-1")]
    [InlineData("/bang-dieu-khien/dang-nhap", ConsolePaths.SignIn)]
    public async Task LegacyPath_AnyVisitor_RedirectsPermanentlyToTheConsole(string legacy, string expected)
    {
        using var client = NoRedirects();

        using var response = await client.GetAsync(legacy, Token);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(ConsolePaths.Dashboard)]
    [InlineData(ConsolePaths.DashboardTable)]
    [InlineData(ConsolePaths.DashboardCsv)]
    [InlineData(ConsolePaths.DashboardXlsx)]
    [InlineData(ConsolePaths.Dashboard + "/quy-che/reg-base-1")]
    public async Task Dashboard_NotSignedIn_SendsToSignIn(string path)
    {
        using var client = NoRedirects();

        using var response = await client.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(ConsolePaths.SignIn, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ApiKeyOfAnOffice_IsNotAConsoleSession()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", Host.BlocKey);

        using var response = await client.GetAsync(ConsolePaths.Dashboard, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Script_IsServedCacheableFromOwnOrigin()
    {
        using var client = NoRedirects();

        using var response = await client.GetAsync(DashboardScript.Path, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("bang-theo-doi", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.App.BaseAddress };
}
