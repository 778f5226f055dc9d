using Microsoft.Playwright;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Tests.Web;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

public sealed class ConsoleAccountsBrowserTests(ConsoleHostFixture fixture, BrowserFixture browser) : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleTestHost _host = fixture.Host;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AccountsPage_CreateWithAnErrorThenRightly_AccessibleOnPhoneAndDesktop(bool desktop)
    {
        var upper = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, "Hoàng Văn Quản Lý", TestContext.Current.CancellationToken);
        await _host.CreateAccountAsync("co-so-1", ApiRole.Office, "Bùi Thị Văn Thư", TestContext.Current.CancellationToken);
        var viewport = desktop ? new ViewportSize { Width = 1440, Height = 900 } : BrowserFixture.PhoneViewport;
        await using var context = await ConsoleSessions.SignInBrowserAsync(
            browser.Browser, _host.BaseAddress, _host.Maildev, upper.Email, viewport, TestContext.Current.CancellationToken);
        var page = await context.NewPageAsync();
        var suffix = desktop ? "desktop" : "phone";
        var name = desktop ? "Đinh Thị Máy Tính" : "Đinh Thị Điện Thoại";
        var email = $"moi-{Guid.NewGuid().ToString("N")[..8]}@kiem-thu.example.vn";

        await page.GotoAsync(ConsolePaths.Accounts);
        await AxeCheck.AssertNoViolationsAsync(page);
        await BrowserFixture.SaveScreenshotAsync(page, "console-accounts-" + suffix);
        await page.GetByLabel("Địa chỉ thư điện tử").FillAsync(email);
        await page.GetByLabel("Tổ chức").SelectOptionAsync("co-so-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đề nghị nhập họ và tên.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Địa chỉ thư điện tử")).ToHaveValueAsync(email);
        await AxeCheck.AssertNoViolationsAsync(page, "the accounts page with an error");
        await BrowserFixture.SaveScreenshotAsync(page, "console-accounts-error-" + suffix);
        await page.GetByLabel("Họ và tên").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Đã tạo tài khoản cho đồng chí " + name)).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= viewport.Width);
        await page.GetByRole(AriaRole.Button, new() { Name = "Khóa tài khoản " + name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã khóa tài khoản của đồng chí " + name)).ToBeVisibleAsync();
        await AxeCheck.AssertNoViolationsAsync(page, "the accounts page after a change");
    }
}
