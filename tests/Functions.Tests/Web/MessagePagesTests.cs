using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Web;

public sealed class MessagePagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private PageTestApp? _app;

    public async ValueTask InitializeAsync() =>
        _app = await PageTestApp.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task ExpiredLink_OnPhone_ShowsVietnameseExplanationWith410()
    {
        await using var context = await browser.NewPhoneContextAsync(_app!.BaseAddress.ToString());
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/test/expired");
        await BrowserFixture.SaveScreenshotAsync(page, "expired-link-phone");

        Assert.Equal(410, response!.Status);
        Assert.Equal("Liên kết đã hết hạn", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("liên hệ văn phòng cấp ủy", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", (await response.AllHeadersAsync())["cache-control"]);
    }

    [Fact]
    public async Task UnknownPage_InBrowser_ShowsVietnameseNotFoundPage()
    {
        await using var context = await browser.NewPhoneContextAsync(_app!.BaseAddress.ToString());
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/khong-co-trang-nay");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Không tìm thấy trang", await page.Locator("h1").InnerTextAsync());
    }
}
