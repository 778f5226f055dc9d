using System.Globalization;
using Microsoft.Playwright;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Functions.Tests.Web;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Regulations;

/// <summary>Each regulation page in Chromium at phone width and at 1440 px: no axe violation, no sideways scrolling, a screenshot.</summary>
public sealed class RegulationConsoleBrowserTests(RegulationConsoleFixture fixture, BrowserFixture browser) : IClassFixture<RegulationConsoleFixture>
{
    private static readonly ViewportSize s_desktop = new() { Width = 1440, Height = 900 };

    private RegulationConsoleTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task EveryPage_PhoneAndDesktop_PassesAxeAndFitsTheWidth(string width)
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("browse"));
        await App.SeedAsync(OfficeTestApp.NewId("cell"), organisation.Id, "Đảng bộ Phòng Kế hoạch");
        string regulationId = OfficeTestApp.NewId("qc");
        var clerk = RegulationConsoleTestApp.Clerk;
        await App.Workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc của Ban Chấp hành Đảng bộ, nhiệm kỳ 2025 - 2030", null, clerk, Token);
        await App.Workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(), "du-thao.docx", DraftVersion.DocxContentType, clerk, Token);
        var round = await App.Workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("uv-m2", "Đồng chí Trần Thị Bình", "binh@example.vn")], DateTimeOffset.UtcNow.AddDays(7), clerk, Token);
        await App.Workflow.AnswerConsultationAsync(regulationId, round.Id, "uv-m2", false,
            [new CommentInput(3, "Đề nghị sửa Điều 3 cho rõ trách nhiệm của Thường trực cấp ủy."), new CommentInput(null, "Cần thêm một điều về chế độ thông tin, báo cáo.")],
            new Actor("uv-m2", "Trần Thị Bình", "link"), Token);
        await App.Stores.Status.RefreshAsync(organisation.Id, Token);
        var other = await App.SeedAsync(OfficeTestApp.NewId("empty"));
        await using var context = await NewContextAsync(width, organisation.Id);
        await using var otherContext = await NewContextAsync(width, other.Id);
        var page = await context.NewPageAsync();

        await CheckAsync(page, ConsolePaths.Home, $"console-home-{width}");
        await CheckAsync(await otherContext.NewPageAsync(), ConsolePaths.Home, $"console-home-missing-{width}");
        await CheckAsync(page, ConsolePaths.NewRegulation(organisation.Id), $"console-new-regulation-{width}");
        await CheckAsync(page, ConsolePaths.Regulation(organisation.Id, regulationId), $"console-regulation-{width}");
        await CheckAsync(page, ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.ResolutionStep), $"console-resolution-{width}");

        // The resolution form sent half filled comes back with the message beside the comment, still passing axe.
        await page.GetByLabel("Tiếp thu", new() { Exact = true }).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu tiếp thu, giải trình" }).ClickAsync();
        Assert.Contains("Cần nội dung giải trình.", await page.Locator(".field-error").First.InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, null, $"console-resolution-error-{width}");
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task ConsultationForm_WeekendThenWorkingDay_ShowsTheReasonThenOpensTheRound(string width)
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("consult"));
        await App.SeedAsync(OfficeTestApp.NewId("cell"), organisation.Id, "Đảng bộ Phòng Tổ chức");
        string regulationId = OfficeTestApp.NewId("qc");
        await App.Workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc nhiệm kỳ 2025 - 2030", null, RegulationConsoleTestApp.Clerk, Token);
        await App.Workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(), "du-thao.docx", DraftVersion.DocxContentType, RegulationConsoleTestApp.Clerk, Token);
        await using var context = await NewContextAsync(width, organisation.Id);
        var page = await context.NewPageAsync();
        await CheckAsync(page, ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.ConsultationStep), $"console-consultation-{width}");
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var sunday = today.AddDays(7 + ((7 - (int)today.DayOfWeek) % 7));

        await page.GetByLabel("Trần Thị Bình").CheckAsync();
        await page.GetByLabel("Địa chỉ e-mail khác").FillAsync("congdoan@example.vn");
        await page.GetByLabel("Hạn góp ý").FillAsync(sunday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi lấy ý kiến" }).ClickAsync();

        Assert.Contains("là Chủ nhật, không phải ngày làm việc", await page.Locator("#deadline-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("Trần Thị Bình").IsCheckedAsync());
        Assert.Equal("congdoan@example.vn", await page.GetByLabel("Địa chỉ e-mail khác").InputValueAsync());
        await CheckAsync(page, null, $"console-consultation-error-{width}");

        await page.GetByLabel("Hạn góp ý").FillAsync(App.Calendar.AddWorkingDays(today, 5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi lấy ý kiến" }).ClickAsync();

        Assert.EndsWith("#lay-y-kien", page.Url, StringComparison.Ordinal);
        Assert.Contains("Đã bắt đầu lấy ý kiến góp ý", await page.Locator("[role=status]").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("chưa trả lời", await page.Locator(".answers").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, null, $"console-regulation-consulting-{width}");
    }

    private Task<IBrowserContext> NewContextAsync(string width, string organisationId) =>
        App.BrowserForAsync(browser.Browser, organisationId, width == "phone" ? null : s_desktop);

    private static async Task CheckAsync(IPage page, string? path, string screenshot)
    {
        if (path is not null)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
        }

        await BrowserFixture.SaveScreenshotAsync(page, screenshot);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await AxeCheck.AssertNoViolationsAsync(page, screenshot);
        int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        int viewport = await page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(scrollWidth <= viewport, $"{screenshot}: the page is {scrollWidth}px wide in a {viewport}px window.");
    }
}
