using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Web;

public sealed class MessagePagesTests(PageAppFixture fixture, BrowserFixture browser) : IClassFixture<PageAppFixture>
{
    private PageTestApp App => fixture.App;

    [Fact]
    public async Task ExpiredLink_OnPhone_ShowsVietnameseExplanationWith410()
    {
        await using var context = await browser.NewPhoneContextAsync(App.BaseAddress.ToString());
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
        await using var context = await browser.NewPhoneContextAsync(App.BaseAddress.ToString());
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/khong-co-trang-nay");

        Assert.Equal(404, response!.Status);
        Assert.Equal("Không tìm thấy trang", await page.Locator("h1").InnerTextAsync());
    }
}
