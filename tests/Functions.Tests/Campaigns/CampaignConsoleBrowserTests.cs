using Microsoft.Playwright;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Functions.Tests.OfficeConsole;
using QuyCheWorkflow.Functions.Tests.Status;
using QuyCheWorkflow.Functions.Tests.Web;

namespace QuyCheWorkflow.Functions.Tests.Campaigns;

/// <summary>The campaign pages in Chromium, on a phone (390 px) and a desktop (1440 px), checked by axe-core.</summary>
public sealed class CampaignConsoleBrowserTests(StatusHostFixture fixture, BrowserFixture browser) : IClassFixture<StatusHostFixture>
{
    private static readonly ViewportSize s_desktop = new() { Width = 1440, Height = 900 };

    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartForm_OnPhone_RefusesThenStartsWithTheFileAndLandsOnTheCampaign()
    {
        await using var context = await SignInAsync(Host.BlocPerson, viewport: null);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsolePaths.Campaigns);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mở đợt chỉ đạo mới" }).ClickAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "campaign-new-phone");
        await AxeCheck.AssertNoViolationsAsync(page);
        AssertWithinPhone(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));

        await page.GetByLabel("Tên đợt chỉ đạo").FillAsync("Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030");
        await page.GetByLabel("Hạn hoàn thành", new() { Exact = true }).FillAsync("2026-10-01");
        await page.GetByLabel("Số, ký hiệu").FillAsync("125-CV/ĐUK");
        await page.GetByLabel("Ngày ban hành", new() { Exact = true }).FillAsync("2026-10-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở đợt chỉ đạo" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dot-deadline-loi")).ToContainTextAsync("phải sau hôm nay");
        await BrowserFixture.SaveScreenshotAsync(page, "campaign-new-refused-phone");
        await AxeCheck.AssertNoViolationsAsync(page, "the refused start form");

        await page.GetByLabel("Hạn hoàn thành", new() { Exact = true }).FillAsync("2026-12-31");
        await page.GetByLabel("Tệp văn bản").SetInputFilesAsync(new FilePayload
        {
            Name = "Cong van 125.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = TestDocuments.Docx("Công văn 125-CV/ĐUK"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở đợt chỉ đạo" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải văn bản chỉ đạo" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ListAndCampaign_OnPhone_FitTheWidthAndPassAxe()
    {
        string id = await StartAsync("Rà soát quy chế làm việc năm 2026");
        await using var context = await SignInAsync(Host.BlocPerson, viewport: null);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ConsolePaths.Campaigns);
        await BrowserFixture.SaveScreenshotAsync(page, "campaigns-phone");
        await AxeCheck.AssertNoViolationsAsync(page, "the campaign list");
        AssertWithinPhone(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Rà soát quy chế làm việc năm 2026" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(ConsolePaths.Campaign(id), StringComparison.Ordinal));
        await BrowserFixture.SaveScreenshotAsync(page, "campaign-phone");
        await AxeCheck.AssertNoViolationsAsync(page, "the campaign page");
        AssertWithinPhone(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        Assert.Equal(3, await page.Locator(".campaign-members tbody tr").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^1 đã hoàn thành$") }).ClickAsync();
        Assert.Equal(1, await page.Locator(".campaign-members tbody tr").CountAsync());
        Assert.Contains("Đảng ủy base-2", await page.Locator(".campaign-members tbody").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Campaign_OnDesktop_IsATableAndClosesEarlyWithTheFinalReport()
    {
        string id = await StartAsync("Ban hành quy chế theo mẫu mới");
        await using var context = await SignInAsync(Host.BlocPerson, s_desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsolePaths.Campaign(id));

        await BrowserFixture.SaveScreenshotAsync(page, "campaign-desktop");
        await AxeCheck.AssertNoViolationsAsync(page, "the campaign page");
        Assert.True(await page.Locator(".campaign-members thead").IsVisibleAsync());
        var table = await page.Locator(".campaign-members").BoundingBoxAsync();
        Assert.True(table!.Width > 900, $"The table is {table.Width}px wide on a 1440px screen.");

        await page.GetByLabel("Ghi chú").FillAsync("Các tổ chức đã báo cáo đủ.");
        await page.GetByLabel("Tôi xác nhận kết thúc đợt chỉ đạo này").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc đợt" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã kết thúc đợt chỉ đạo");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Tải báo cáo kết thúc đợt") })).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "campaign-closed-desktop");
        await AxeCheck.AssertNoViolationsAsync(page, "the closed campaign");
    }

    private static void AssertWithinPhone(int width) =>
        Assert.True(width <= BrowserFixture.PhoneViewport.Width, $"The page is {width}px wide on a phone.");

    private async Task<string> StartAsync(string title) =>
        (await CampaignSeeds.StartAsync(Host.App.Services, "duk", "trinh-duyet-" + Guid.NewGuid().ToString("N")[..8], title, new DateOnly(2026, 12, 31), Token)).Id;

    private Task<IBrowserContext> SignInAsync(Account person, ViewportSize? viewport) =>
        ConsoleSessions.SignInBrowserAsync(browser.Browser, Host.App.BaseAddress, Host.Maildev, person.Email, viewport, Token);
}
