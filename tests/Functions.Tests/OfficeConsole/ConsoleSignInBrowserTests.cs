using Microsoft.Playwright;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Tests.Web;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

public sealed class ConsoleSignInBrowserTests(ConsoleHostFixture fixture, BrowserFixture browser) : IClassFixture<ConsoleHostFixture>
{
    private static readonly ViewportSize s_desktop = new() { Width = 1440, Height = 900 };

    private readonly ConsoleTestHost _host = fixture.Host;

    [Fact]
    public async Task SignInPage_Phone_AccessibleAndFitsTheScreen()
    {
        await using var context = await browser.NewPhoneContextAsync(_host.BaseAddress.ToString());
        var page = await context.NewPageAsync();

        await page.GotoAsync(ConsolePaths.SignIn);

        await AxeCheck.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= BrowserFixture.PhoneViewport.Width);
        await BrowserFixture.SaveScreenshotAsync(page, "console-sign-in-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi liên kết đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đề nghị nhập địa chỉ thư điện tử.")).ToBeVisibleAsync();
        await AxeCheck.AssertNoViolationsAsync(page, "the sign-in form with its error");
        await BrowserFixture.SaveScreenshotAsync(page, "console-sign-in-error-phone");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SignIn_ByEmailedLink_ShellAccessibleOnPhoneAndDesktop(bool desktop)
    {
        var account = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, "Phạm Thị Cấp Trên", TestContext.Current.CancellationToken);

        await using var context = await ConsoleSessions.SignInBrowserAsync(
            browser.Browser, _host.BaseAddress, _host.Maildev, account.Email, desktop ? s_desktop : null, TestContext.Current.CancellationToken);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsolePaths.Home);

        await Assertions.Expect(page.GetByText("Phạm Thị Cấp Trên").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Tài khoản" })).ToBeVisibleAsync();
        await AxeCheck.AssertNoViolationsAsync(page);
        var width = desktop ? s_desktop.Width : BrowserFixture.PhoneViewport.Width;
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width);
        await BrowserFixture.SaveScreenshotAsync(page, desktop ? "console-home-desktop" : "console-home-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == ConsolePaths.SignIn);
        await page.GotoAsync(ConsolePaths.Home);
        Assert.Equal(ConsolePaths.SignIn, new Uri(page.Url).AbsolutePath);
    }
}
