using Microsoft.Playwright;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Tests.Web;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

public sealed class ComparisonPagesBrowserTests(ConsoleHostFixture fixture, BrowserFixture browser) : IClassFixture<ConsoleHostFixture>
{
    private static readonly ViewportSize s_desktop = new() { Width = 1440, Height = 900 };

    private readonly ConsoleTestHost _host = fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Comparison_PhoneAndDesktop_AccessibleFitsTheScreenAndChangesTheReferenceWithoutScript(bool desktop)
    {
        await ComparisonSeed.EnsureAsync(_host, Token);
        var account = await _host.CreateAccountAsync("co-so-1", ApiRole.Office, cancellationToken: Token);
        await using var context = await ConsoleSessions.SignInBrowserAsync(
            browser.Browser, _host.BaseAddress, _host.Maildev, account.Email, desktop ? s_desktop : null, Token);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ConsolePaths.Regulation("co-so-1", ComparisonSeed.RegulationId, ConsolePaths.ComparisonStep));

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "So sánh văn bản" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("del").First).ToBeVisibleAsync();
        await AxeCheck.AssertNoViolationsAsync(page);
        var width = desktop ? s_desktop.Width : BrowserFixture.PhoneViewport.Width;
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width);
        await BrowserFixture.SaveScreenshotAsync(page, desktop ? "console-comparison-desktop" : "console-comparison-phone");

        await page.GetByLabel("Đối chiếu với").SelectOptionAsync("previous");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem so sánh" }).ClickAsync();
        await Assertions.Expect(page.GetByText("không có văn bản đối chiếu")).ToBeVisibleAsync();
        await AxeCheck.AssertNoViolationsAsync(page, "no previous term to compare with");
    }

    [Fact]
    public async Task Quality_Phone_AccessibleAndFitsTheScreen()
    {
        await ComparisonSeed.EnsureAsync(_host, Token);
        var account = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, cancellationToken: Token);
        await using var context = await ConsoleSessions.SignInBrowserAsync(browser.Browser, _host.BaseAddress, _host.Maildev, account.Email, null, Token);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ConsolePaths.Regulation("co-so-1", ComparisonSeed.RegulationId, ConsolePaths.QualityStep));

        await Assertions.Expect(page.GetByText("Hình thức:")).ToBeVisibleAsync();
        await AxeCheck.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= BrowserFixture.PhoneViewport.Width);
        await BrowserFixture.SaveScreenshotAsync(page, "console-consultation-quality-phone");
    }
}
