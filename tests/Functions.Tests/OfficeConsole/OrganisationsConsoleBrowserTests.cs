using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Functions.Tests.Web;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>
/// The organisation, committee, import, filings inbox and model regulations pages in Chromium at phone and desktop
/// widths: driven by keyboard and mouse as a person would, checked by axe-core, kept as screenshots.
/// </summary>
public sealed class OrganisationsConsoleBrowserTests(OrganisationsConsoleFixture fixture, BrowserFixture browser) : IClassFixture<OrganisationsConsoleFixture>
{
    private static readonly (string Name, ViewportSize Size)[] s_widths =
    [
        ("390", BrowserFixture.PhoneViewport),
        ("1440", new ViewportSize { Width = 1440, Height = 900 }),
    ];

    private OrganisationsConsoleApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClerkPages_AtPhoneAndDesktopWidths_WorkWithoutScriptAndPassAxe()
    {
        var parent = await App.CreateAsync(OrganisationsConsoleApp.NewId("dbk"), null, "Đảng bộ Khối các cơ quan tỉnh");
        var (organisationId, _, _) = await InVoteAsync(parent.Id);

        foreach (var (width, size) in s_widths)
        {
            await using var context = await NewContextAsync(size, ApiRole.Office, organisationId);
            var page = await context.NewPageAsync();

            await page.GotoAsync(ConsolePaths.Organisation(organisationId));
            await CheckAsync(page, $"console-organisation-{width}");
            await page.GetByLabel("E-mail văn phòng cấp ủy").FillAsync("khong-phai-email");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thông tin" }).ClickAsync();
            Assert.Equal("true", await page.GetByLabel("E-mail văn phòng cấp ủy").GetAttributeAsync("aria-invalid"));
            await CheckAsync(page, $"console-organisation-refused-{width}");

            await page.GotoAsync(ConsolePaths.Committee(organisationId));
            await CheckAsync(page, $"console-committee-{width}");
            await page.GetByLabel("Ủy viên được thay").SelectOptionAsync("m2");
            await page.GetByLabel("Họ và tên ủy viên mới").FillAsync("Phạm Quốc Cường");
            await page.GetByLabel("E-mail ủy viên mới").FillAsync($"cuong{width}@example.vn");
            await page.GetByLabel("Mã ủy viên mới").FillAsync("m3-" + width);
            await page.GetByRole(AriaRole.Button, new() { Name = "Xem ảnh hưởng trước khi thay" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Xác nhận thay ủy viên" })).ToBeVisibleAsync();
            await CheckAsync(page, $"console-committee-replacement-{width}");

            await page.GotoAsync(ConsolePaths.Import(organisationId));
            await page.Locator("#tep-to-chuc").SetInputFilesAsync(new FilePayload
            {
                Name = "to-chuc.csv",
                MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes("id,parentId,name,code,type,term\nx-1,khong-co,Chi bộ,CB,Agency,2025 - 2030\nx-2,,Chi bộ,cb,Agency,2025\n"),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Nhập tệp tổ chức" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
            await CheckAsync(page, $"console-import-refused-{width}");
        }
    }

    [Fact]
    public async Task UpperLevelPages_AtPhoneAndDesktopWidths_WorkWithoutScriptAndPassAxe()
    {
        var upper = await App.CreateAsync(OrganisationsConsoleApp.NewId("tu"), null, "Đảng bộ tỉnh");
        await FiledAsync(upper.Id);
        await FiledAsync(upper.Id);

        foreach (var (width, size) in s_widths)
        {
            await using var context = await NewContextAsync(size, ApiRole.UpperLevelOffice, upper.Id);
            var page = await context.NewPageAsync();

            await page.GotoAsync(ConsolePaths.FilingsInbox);
            await CheckAsync(page, $"console-filings-inbox-{width}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Trả lại để sửa đổi, bổ sung" }).First.ClickAsync();
            await Assertions.Expect(page.Locator(".field-error")).ToBeVisibleAsync();
            await CheckAsync(page, $"console-filings-inbox-refused-{width}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã tiếp nhận" }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xác nhận tiếp nhận");

            await page.GotoAsync(ConsolePaths.ModelRegulations);
            await page.GetByLabel("Loại hình tổ chức").SelectOptionAsync("Agency");
            await page.GetByLabel("Tên quy chế mẫu").FillAsync("Quy chế mẫu khối cơ quan " + width);
            await page.GetByLabel("Tệp quy chế mẫu").SetInputFilesAsync(new FilePayload
            {
                Name = "Quy chế mẫu.docx",
                MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Buffer = TestDocuments.Docx("Quy chế mẫu " + width),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Ban hành quy chế mẫu" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ban hành quy chế mẫu");
            await CheckAsync(page, $"console-model-regulations-{width}");
        }
    }

    private async Task<IBrowserContext> NewContextAsync(ViewportSize size, ApiRole role, string organisationId)
    {
        var account = await App.AccountAsync(role, organisationId);
        return await ConsoleSessions.SignInBrowserAsync(browser.Browser, App.BaseAddress, App.Maildev, account.Email, size, Token);
    }

    /// <summary>Axe finds nothing on the page (the pages send no script of their own), and the page is kept as a screenshot.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await BrowserFixture.SaveScreenshotAsync(page, name);
        await AxeCheck.AssertNoViolationsAsync(page, name);
    }

    private async Task<(string OrganisationId, string RegulationId, string RoundId)> InVoteAsync(string parentId)
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), parentId, "Đảng bộ Sở Tài chính");
        var workflow = App.Services.GetRequiredService<RegulationWorkflow>();
        var clerk = OrganisationsConsoleApp.Clerk;
        var regulationId = OrganisationsConsoleApp.NewId("qc");
        await workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Tài chính nhiệm kỳ 2025–2030", null, clerk, Token);
        await workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(regulationId), "Dự thảo.docx", DraftVersion.DocxContentType, clerk, Token);
        var consultation = await workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("r1", "Lê Văn Cảnh", "canh@example.vn")], DateTimeOffset.UtcNow.AddDays(7), clerk, Token);
        await workflow.AnswerConsultationAsync(regulationId, consultation.Id, "r1", true, [], clerk, Token);
        var vote = await workflow.SubmitForVoteAsync(organisation.Id, regulationId, DateTimeOffset.UtcNow.AddDays(5), clerk, Token);
        await workflow.CastBallotAsync(regulationId, vote.Id, "m2", VoteChoice.Agree, null, clerk, Token);
        return (organisation.Id, regulationId, vote.Id);
    }

    private async Task FiledAsync(string upperId)
    {
        var (organisationId, regulationId, round) = await InVoteAsync(upperId);
        var workflow = App.Services.GetRequiredService<RegulationWorkflow>();
        var clerk = OrganisationsConsoleApp.Clerk;
        await workflow.CastBallotAsync(regulationId, round, "m1", VoteChoice.Agree, null, clerk, Token);
        await workflow.IssueAsync(organisationId, regulationId, VietnamTime.DateOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow()), "m1", null, clerk, Token);
        await workflow.FileAsync(organisationId, regulationId, clerk, Token);
    }
}
