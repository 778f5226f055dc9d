using System.Globalization;
using Microsoft.Playwright;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Functions.Tests.Web;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Decisions;

/// <summary>Each step page in Chromium at phone and desktop width: axe-core finds nothing, nothing overflows, a screenshot is kept.</summary>
public sealed class DecisionPagesBrowserTests(DecisionConsoleApp app, BrowserFixture browser) : IClassFixture<DecisionConsoleApp>
{
    private static readonly ViewportSize s_desktop = new() { Width = 1440, Height = 900 };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Vote_FormAndItsRefusal_AccessibleAndPutsTheDraftToTheCommittee(bool desktop)
    {
        var (organisationId, regulationId) = await app.ResolvingAsync();
        await using var context = await SignedInAsync(organisationId, desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.VoteStep));
        await CheckAsync(page, "bieu-quyet", desktop);

        await page.GetByLabel("Ngày").FillAsync(Iso(app.Today.AddDays(-1)));
        await page.GetByLabel("Giờ").FillAsync("17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu biểu quyết đến Ban Thường vụ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#loi-deadline")).ToContainTextAsync("phải sau thời điểm bắt đầu biểu quyết");
        await CheckAsync(page, "bieu-quyet-loi", desktop);

        await page.GetByLabel("Ngày").FillAsync(Iso(app.Today.AddDays(7)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu biểu quyết đến Ban Thường vụ" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == ConsolePaths.Regulation(organisationId, regulationId));
        Assert.Equal(Domain.Regulations.RegulationStage.InVote, (await app.RegulationAsync(organisationId, regulationId)).Stage);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExtendVoteAndInPersonResult_Accessible(bool desktop)
    {
        var (organisationId, regulationId, _) = await app.InVoteAsync();
        await using var context = await SignedInAsync(organisationId, desktop);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.VoteStep));
        await CheckAsync(page, "bieu-quyet-dang-dien-ra", desktop);
        await page.GotoAsync(ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.ExtendStep));
        await CheckAsync(page, "gia-han", desktop);
        await page.GotoAsync(ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.InPersonStep));
        await CheckAsync(page, "hop-truc-tiep", desktop);

        await page.GetByLabel("Dự thảo được thông qua").CheckAsync();
        await page.GetByLabel("Đồng ý", new() { Exact = true }).FillAsync("1");
        await page.GetByLabel("Không đồng ý").FillAsync("2");
        await page.GetByLabel("Ý kiến khác, vắng mặt").FillAsync("0");
        await page.GetByLabel("Biên bản cuộc họp").SetInputFilesAsync(new FilePayload
        {
            Name = "Biên bản họp.pdf", MimeType = "application/pdf", Buffer = TestDocuments.Pdf("Bien ban hop"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận kết quả" }).ClickAsync();
        await Assertions.Expect(page.Locator("#loi-passed")).ToContainTextAsync("Kết quả không khớp số phiếu");
        await CheckAsync(page, "hop-truc-tiep-loi", desktop);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Issue_ChooseThenPreviewThenConfirm_Accessible(bool desktop)
    {
        var (organisationId, regulationId) = await app.ApprovedAsync();
        await using var context = await SignedInAsync(organisationId, desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.IssueStep));
        await CheckAsync(page, "ban-hanh", desktop);

        await page.GetByLabel("Người ký").SelectOptionAsync("m1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước số, ký hiệu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".issue-symbol")).ToHaveTextAsync("Số 01-QC/ĐU");
        await Assertions.Expect(page.Locator(".signing-block")).ToContainTextAsync("T/M BAN THƯỜNG VỤ");
        await CheckAsync(page, "ban-hanh-xem-truoc", desktop);

        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận ban hành" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == ConsolePaths.Regulation(organisationId, regulationId));
        Assert.Equal("01-QC/ĐU", (await app.RegulationAsync(organisationId, regulationId)).CurrentIssuance!.Number.Symbol);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FileAndReview_Accessible(bool desktop)
    {
        var (organisationId, regulationId) = await app.IssuedAsync();
        await using var context = await SignedInAsync(organisationId, desktop);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.FileStep));
        await CheckAsync(page, "gui-cap-tren", desktop);
        await page.GotoAsync(ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.ReviewStep));
        await CheckAsync(page, "ra-soat", desktop);

        await page.GetByLabel("Sửa đổi, bổ sung").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận kết quả rà soát" }).ClickAsync();
        await Assertions.Expect(page.Locator("#loi-file")).ToContainTextAsync("Đề nghị chọn tệp biên bản họp rà soát.");
        await CheckAsync(page, "ra-soat-loi", desktop);

        await page.GotoAsync(ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.VoteStep));
        await Assertions.Expect(page.Locator(".step-refusal")).ToContainTextAsync("Chưa thể đưa dự thảo ra Ban Thường vụ biểu quyết");
        await CheckAsync(page, "buoc-chua-duoc-phep", desktop);
    }

    private async Task<IBrowserContext> SignedInAsync(string organisationId, bool desktop)
    {
        var account = await app.Host.CreateAccountAsync(organisationId, ApiRole.Office, "Phạm Thị Hoa", Token);
        return await ConsoleSessions.SignInBrowserAsync(browser.Browser, app.BaseAddress, app.Host.Maildev, account.Email,
            desktop ? s_desktop : null, Token);
    }

    /// <summary>axe-core finds nothing, the page is no wider than the screen, and its screenshot is kept.</summary>
    private static async Task CheckAsync(IPage page, string name, bool desktop)
    {
        await AxeCheck.AssertNoViolationsAsync(page, name);
        int width = desktop ? s_desktop.Width : BrowserFixture.PhoneViewport.Width;
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, name + " is wider than the screen");
        await BrowserFixture.SaveScreenshotAsync(page, "console-" + name + (desktop ? "-desktop" : "-phone"));
    }
}
