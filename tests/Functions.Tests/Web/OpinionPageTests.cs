using Microsoft.Playwright;
using QuyCheWorkflow.Functions.Web;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Web;

public sealed class OpinionPageTests(PageAppFixture fixture, BrowserFixture browser) : IClassFixture<PageAppFixture>, IAsyncLifetime
{
    private IBrowserContext? _context;

    private PageTestApp App => fixture.App;

    public async ValueTask InitializeAsync()
    {
        // What earlier tests of the class posted is not this test's.
        App.Submitted.Clear();
        _context = await browser.NewPhoneContextAsync(App.BaseAddress.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [Fact]
    public async Task Get_OnPhone_RendersVietnamesePageWithAccessibleRadioGroup()
    {
        var page = await _context!.NewPageAsync();

        var response = await page.GotoAsync(PageTestApp.OpinionPath);
        await BrowserFixture.SaveScreenshotAsync(page, "opinion-page-phone");

        Assert.Equal(200, response!.Status);
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Biểu quyết dự thảo Quy chế làm việc – Hệ thống quản lý quy chế làm việc", await page.TitleAsync());
        Assert.Equal("Biểu quyết dự thảo Quy chế làm việc", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Hệ thống quản lý quy chế làm việc", await page.Locator("header .product-name").InnerTextAsync());
        Assert.Equal("Biểu quyết của đồng chí", await page.Locator("fieldset legend").InnerTextAsync());
        Assert.Equal(3, await page.Locator("fieldset input[type=radio]").CountAsync());
        Assert.Equal(1, await page.GetByLabel("Không đồng ý", new() { Exact = true }).CountAsync());
        Assert.Equal(1, await page.GetByLabel("Ý kiến, lý do").CountAsync());
        Assert.Contains("17:00, Thứ Hai, ngày 23 tháng 11 năm 2026", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("#noi-dung", await page.Locator("a.skip-link").GetAttributeAsync("href"));
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= BrowserFixture.PhoneViewport.Width, $"The page is {pageWidth}px wide on a phone.");
    }

    [Fact]
    public async Task Get_SummaryHoldsMarkup_ShowsItAsTextAndRunsNothing()
    {
        var page = await _context!.NewPageAsync();

        await page.GotoAsync(PageTestApp.OpinionPath);

        Assert.Equal(PageTestApp.DraftSummary, await page.Locator(".summary").TextContentAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator(".summary b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"));
        Assert.NotEqual("hacked", await page.TitleAsync());
    }

    [Fact]
    public async Task Get_Always_SendsSecurityHeaders()
    {
        var page = await _context!.NewPageAsync();

        var response = await page.GotoAsync(PageTestApp.OpinionPath);

        var headers = await response!.AllHeadersAsync();
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, headers["content-security-policy"]);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.Contains("no-store", headers["cache-control"], StringComparison.Ordinal);
        Assert.Equal("same-origin", headers["cross-origin-opener-policy"]);
        Assert.Contains("camera=()", headers["permissions-policy"], StringComparison.Ordinal);
        Assert.StartsWith("text/html", headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithTokenFilledByBrowser_RecordsAnswerAndShowsItAsText()
    {
        var page = await _context!.NewPageAsync();
        await page.GotoAsync(PageTestApp.OpinionPath);
        await page.GetByLabel("Ý kiến khác", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ý kiến, lý do").FillAsync("Đề nghị sửa Điều 5 <script>window.__xss=2</script>");

        var response = await SubmitAsync(page);
        await BrowserFixture.SaveScreenshotAsync(page, "opinion-recorded-phone");

        Assert.Equal(200, response!.Status);
        var answer = Assert.Single(App.Submitted);
        Assert.Equal("other", answer.Choice);
        Assert.Equal("Đề nghị sửa Điều 5 <script>window.__xss=2</script>", answer.Comment);
        Assert.Equal("Đã ghi nhận ý kiến", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(answer.Comment, await page.Locator(".details").TextContentAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejectedWithReadablePage()
    {
        var page = await _context!.NewPageAsync();
        await page.GotoAsync(PageTestApp.OpinionPath);
        await page.Locator($"input[name={WebServiceCollectionExtensions.AntiforgeryFieldName}]")
            .EvaluateAsync("input => input.remove()");
        await page.GetByLabel("Đồng ý", new() { Exact = true }).CheckAsync();

        var response = await SubmitAsync(page);

        Assert.Equal(400, response!.Status);
        Assert.Empty(App.Submitted);
        Assert.Equal("Liên kết không hợp lệ", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task Post_FromAnotherContextsToken_IsRejected()
    {
        var page = await _context!.NewPageAsync();
        await page.GotoAsync(PageTestApp.OpinionPath);
        var token = await page.Locator($"input[name={WebServiceCollectionExtensions.AntiforgeryFieldName}]")
            .GetAttributeAsync("value");
        await using var stranger = await browser.NewPhoneContextAsync(App.BaseAddress.ToString());

        var response = await stranger.APIRequest.PostAsync(PageTestApp.OpinionPath, new()
        {
            Form = stranger.APIRequest.CreateFormData()
                .Set(WebServiceCollectionExtensions.AntiforgeryFieldName, token!)
                .Set("choice", "agree"),
        });

        Assert.Equal(400, response.Status);
        Assert.Empty(App.Submitted);
    }

    [Fact]
    public async Task Get_Repeatedly_ChangesNothing()
    {
        var page = await _context!.NewPageAsync();

        await page.GotoAsync(PageTestApp.OpinionPath + "?choice=agree&comment=x");
        await page.ReloadAsync();
        var again = await _context.APIRequest.GetAsync(PageTestApp.OpinionPath + "?choice=disagree");

        Assert.Equal(200, again.Status);
        Assert.Empty(App.Submitted);
        Assert.Equal(0, await page.Locator("input[type=radio]:checked").CountAsync());
    }

    private static async Task<IResponse> SubmitAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Gửi biểu quyết" }).ClickAsync(),
            r => r.Request.Method == "POST");
        await page.WaitForLoadStateAsync(LoadState.Load);
        return response;
    }
}
