using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Functions.Tests.OfficeConsole;
using QuyCheWorkflow.Functions.Tests.Web;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.EndToEnd;

/// <summary>
/// One regulation from the model regulation to its review, through the office console alone, in Chromium: the test
/// makes no API call. What an administrator provides is the only set-up done in code: the running app (Azurite,
/// maildev, a real-time clock that could be shifted), the upper-level organisation in the store and its office
/// person's console account. From there the upper-level person signs in by e-mailed link, publishes the model
/// regulation, imports the organisation below and its standing committee by CSV upload and creates the clerk's
/// account; the clerk signs in, creates the regulation from the model, consults, resolves the comment, downloads
/// the resolution table, puts the draft to the committee, issues and files; every consulted party and committee
/// member answers through the link e-mailed to them; the upper level acknowledges and sees its dashboard row change;
/// the clerk records a review. Every console page is checked by axe-core and kept as a screenshot at 390 px and
/// 1440 px.
/// </summary>
public sealed class ConsoleEndToEndTests(AzuriteFixture azurite, MaildevFixture maildev, BrowserFixture browser) : IAsyncLifetime
{
    private const string UpperName = "Nguyễn Thị Thanh Hương";
    private const string ClerkName = "Phạm Thị Hoa";
    private const string OrganisationName = "Đảng bộ Sở Kế hoạch và Đầu tư";
    private const string CommentText = "Đề nghị làm rõ trách nhiệm của Thường trực Đảng ủy tại Điều 1.";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(90);
    private static readonly ViewportSize s_desktop = new() { Width = 1440, Height = 900 };

    private readonly string _unique = "k" + Guid.NewGuid().ToString("N")[..12];
    private readonly ShiftedTimeProvider _clock = new();
    private readonly List<IBrowserContext> _contexts = [];
    private TestApp? _app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Domain => _unique + ".example.vn";

    private string UpperId => _unique + "-duk";

    private string OrganisationId => _unique + "-khdt";

    public async ValueTask InitializeAsync()
    {
        _app = await EndToEndApp.StartAsync(_unique, _clock, azurite, maildev);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task WholeRegulation_ThroughTheConsoleAlone_FromModelToReview()
    {
        // What an administrator provides: the upper-level organisation and its office person's account.
        await _app!.Services.GetRequiredService<OrganisationStore>().CreateAsync(
            new OrganisationBuilder().WithId(UpperId).WithName("Đảng ủy Khối các cơ quan tỉnh").WithCode("ĐUK").WithType(OrganisationType.Agency)
                .WithParent(null).WithOfficeEmail($"vanphong.khoi@{Domain}").WithCommittee(3, mailbox: "khoi", domain: Domain).Build(),
            Token);
        await ConsoleAccounts.CreateAsync(_app.Services, UpperId, ApiRole.UpperLevelOffice, UpperName, $"huong@{Domain}", Token);
        var today = VietnamTime.DateOf(_clock.GetUtcNow());
        var calendar = _app.Services.GetRequiredService<PublicHolidayCalendar>();

        // 1. The upper level: model regulation, the tree below by CSV, the clerk's account.
        var upper = await SignInAsync($"huong@{Domain}");
        await OpenAsync(upper, ConsolePaths.Home, "e2e-upper-home");
        await OpenAsync(upper, ConsolePaths.ModelRegulations, "e2e-model-regulations");
        await upper.GetByLabel("Loại hình tổ chức").SelectOptionAsync("Agency");
        await upper.GetByLabel("Tên quy chế mẫu").FillAsync("Quy chế làm việc mẫu của Ban Chấp hành đảng bộ cơ quan");
        await upper.GetByLabel("Tệp quy chế mẫu").SetInputFilesAsync(new FilePayload
        {
            Name = "Quy chế mẫu.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = TestDocuments.DocxParagraphs(
                "QUY CHẾ LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ",
                "Điều 1. Phạm vi điều chỉnh",
                "Quy chế này quy định trách nhiệm, quyền hạn của Ban Chấp hành, Ban Thường vụ và Thường trực Đảng ủy.",
                "Điều 2. Nguyên tắc làm việc",
                "Ban Chấp hành làm việc theo nguyên tắc tập trung dân chủ."),
        });
        await upper.GetByRole(AriaRole.Button, new() { Name = "Ban hành quy chế mẫu" }).ClickAsync();
        await Assertions.Expect(upper.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ban hành quy chế mẫu");
        await CheckAsync(upper, "e2e-model-regulations-published");

        await OpenAsync(upper, ConsolePaths.Import(UpperId), "e2e-import");
        await upper.Locator("#tep-to-chuc").SetInputFilesAsync(Csv("to-chuc.csv",
            "id,parentId,name,code,type,term,officeEmail,committeeName,secretaryId,secretaryName,secretaryEmail",
            $"{OrganisationId},{UpperId},{OrganisationName},ĐU,Agency,2025 - 2030,vanphong.khdt@{Domain},,m1,Nguyễn Văn An,an@{Domain}"));
        await upper.GetByRole(AriaRole.Button, new() { Name = "Nhập tệp tổ chức" }).ClickAsync();
        await Assertions.Expect(upper.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhập xong tệp tổ chức");
        await CheckAsync(upper, "e2e-import-organisations-done");
        await upper.Locator("#tep-uy-vien").SetInputFilesAsync(Csv("uy-vien.csv",
            "organisationId,memberId,fullName,role,email",
            $"{OrganisationId},m1,Nguyễn Văn An,Secretary,an@{Domain}",
            $"{OrganisationId},m2,Trần Thị Bình,DeputySecretary,binh@{Domain}",
            $"{OrganisationId},m3,Lê Văn Cường,Member,cuong@{Domain}"));
        await upper.GetByRole(AriaRole.Button, new() { Name = "Nhập tệp Ban Thường vụ" }).ClickAsync();
        await Assertions.Expect(upper.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhập xong tệp Ban Thường vụ");
        await CheckAsync(upper, "e2e-import-committees-done");

        await OpenAsync(upper, ConsolePaths.Accounts, "e2e-accounts");
        await upper.GetByLabel("Họ và tên").FillAsync(ClerkName);
        await upper.GetByLabel("Địa chỉ thư điện tử").FillAsync($"hoa@{Domain}");
        await upper.GetByLabel("Tổ chức").SelectOptionAsync(OrganisationId);
        await upper.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();
        await Assertions.Expect(upper.GetByText("Đã tạo tài khoản cho đồng chí " + ClerkName)).ToBeVisibleAsync();
        await CheckAsync(upper, "e2e-accounts-created");

        // 2. The clerk: a regulation from the model, consulted, resolved, voted, issued and filed.
        var clerk = await SignInAsync($"hoa@{Domain}");
        await OpenAsync(clerk, ConsolePaths.Home, "e2e-clerk-home");
        await OpenAsync(clerk, ConsolePaths.NewRegulation(OrganisationId), "e2e-new-regulation");
        await clerk.GetByLabel("Tên quy chế").FillAsync("Quy chế làm việc của Ban Chấp hành Đảng bộ Sở Kế hoạch và Đầu tư, nhiệm kỳ 2025 - 2030");
        await clerk.GetByLabel("Từ quy chế mẫu").CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Tạo quy chế" }).ClickAsync();
        var regulationPath = new Regex(Regex.Escape(ConsolePaths.Organisation(OrganisationId) + "/quy-che/") + "([^/#?]+)");
        await clerk.WaitForURLAsync(regulationPath);
        string regulationId = Uri.UnescapeDataString(regulationPath.Match(clerk.Url).Groups[1].Value);
        string regulation = ConsolePaths.Regulation(OrganisationId, regulationId);
        await CheckAsync(clerk, "e2e-regulation-created");

        await OpenAsync(clerk, ConsolePaths.Regulation(OrganisationId, regulationId, ConsolePaths.ConsultationStep), "e2e-consultation");
        await clerk.GetByLabel("Trần Thị Bình").CheckAsync();
        await clerk.GetByLabel("Địa chỉ e-mail khác").FillAsync($"congdoan@{Domain}");
        await clerk.GetByLabel("Hạn góp ý").FillAsync(Iso(calendar.AddWorkingDays(today, 5)));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[role=status]").First).ToContainTextAsync("Đã bắt đầu lấy ý kiến góp ý");
        await CheckAsync(clerk, "e2e-regulation-consulting");

        var commenter = await OpenLinkAsync($"binh@{Domain}", "Lấy ý kiến");
        await commenter.GetByLabel("Có ý kiến góp ý (ghi dưới đây)").CheckAsync();
        await commenter.Locator("#article-0").FillAsync("1");
        await commenter.GetByLabel("Nội dung ý kiến 1").FillAsync(CommentText);
        await commenter.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Assertions.Expect(commenter.Locator("main")).ToContainTextAsync("ý kiến", new() { IgnoreCase = true });
        await BrowserFixture.SaveScreenshotAsync(commenter, "e2e-link-consultation-answered");
        var agreeing = await OpenLinkAsync($"congdoan@{Domain}", "Lấy ý kiến");
        await agreeing.GetByLabel("Nhất trí, không có ý kiến khác").CheckAsync();
        await agreeing.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Assertions.Expect(agreeing.Locator("main")).ToContainTextAsync("nhất trí", new() { IgnoreCase = true });

        string resolution = ConsolePaths.Regulation(OrganisationId, regulationId, ConsolePaths.ResolutionStep);
        await UntilAsync(clerk, resolution, "Nội dung tiếp thu, giải trình", "the comment never reached the resolution page after both answers");
        await CheckAsync(clerk, "e2e-resolution");
        Assert.Contains(CommentText, await clerk.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.GetByLabel("Tiếp thu", new() { Exact = true }).First.CheckAsync();
        await clerk.GetByLabel("Nội dung tiếp thu, giải trình").First.FillAsync("Tiếp thu, đã bổ sung trách nhiệm của Thường trực Đảng ủy vào Điều 1.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lưu tiếp thu, giải trình" }).ClickAsync();
        await clerk.GotoAsync(resolution);
        await CheckAsync(clerk, "e2e-resolution-saved");
        var download = await clerk.RunAndWaitForDownloadAsync(() =>
            clerk.GetByRole(AriaRole.Link, new() { Name = "Tải bảng tổng hợp tiếp thu, giải trình (DOCX)" }).First.ClickAsync());
        string sheet = await download.PathAsync();
        using (var document = WordprocessingDocument.Open(sheet, false))
        {
            var tables = document.MainDocumentPart!.Document!.Body!.Descendants<Table>().ToList();
            Assert.NotEmpty(tables);
            Assert.Contains(tables, t => t.InnerText.Contains(CommentText, StringComparison.Ordinal));
        }

        await OpenAsync(clerk, ConsolePaths.Regulation(OrganisationId, regulationId, ConsolePaths.VoteStep), "e2e-vote-step");
        await clerk.GetByLabel("Ngày", new() { Exact = true }).FillAsync(Iso(calendar.AddWorkingDays(today, 5)));
        await clerk.GetByLabel("Giờ", new() { Exact = true }).FillAsync("17:00");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu biểu quyết đến Ban Thường vụ" }).ClickAsync();
        await clerk.WaitForURLAsync(url => new Uri(url).AbsolutePath == regulation);
        await CheckAsync(clerk, "e2e-regulation-in-vote");
        foreach (var member in new[] { "an", "binh", "cuong" })
        {
            var ballot = await OpenLinkAsync($"{member}@{Domain}", "Biểu quyết");
            await ballot.GetByLabel("Đồng ý", new() { Exact = true }).CheckAsync();
            await ballot.GetByRole(AriaRole.Button, new() { Name = "Gửi biểu quyết" }).ClickAsync();
            await Assertions.Expect(ballot.Locator("main")).ToContainTextAsync("Đồng ý");
            if (member == "an")
            {
                await BrowserFixture.SaveScreenshotAsync(ballot, "e2e-link-ballot-cast");
            }

            if (member == "binh")
            {
                break; // two of three agree: the round is decided.
            }
        }

        string issue = ConsolePaths.Regulation(OrganisationId, regulationId, ConsolePaths.IssueStep);
        await UntilAsync(clerk, issue, "Người ký", "the issue form never appeared after two of three members agreed");
        await CheckAsync(clerk, "e2e-issue");
        await clerk.GetByLabel("Người ký").SelectOptionAsync("m1");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Xem trước số, ký hiệu" }).ClickAsync();
        await Assertions.Expect(clerk.Locator(".issue-symbol")).ToHaveTextAsync("Số 01-QC/ĐU");
        await Assertions.Expect(clerk.Locator(".signing-block")).ToContainTextAsync("T/M BAN THƯỜNG VỤ");
        await CheckAsync(clerk, "e2e-issue-preview");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Xác nhận ban hành" }).ClickAsync();
        await clerk.WaitForURLAsync(url => new Uri(url).AbsolutePath == regulation);
        await CheckAsync(clerk, "e2e-regulation-issued");

        await OpenAsync(clerk, ConsolePaths.Regulation(OrganisationId, regulationId, ConsolePaths.FileStep), "e2e-file-step");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi lên" }).ClickAsync();
        await clerk.WaitForURLAsync(url => new Uri(url).AbsolutePath == regulation);
        await CheckAsync(clerk, "e2e-regulation-filed");

        // 3. The upper level acknowledges and watches the row change on the dashboard.
        var row = upper.GetByRole(AriaRole.Row).Filter(new() { HasText = OrganisationName });
        var giveUp = DateTime.UtcNow + s_wait;
        while (true)
        {
            await upper.GotoAsync(ConsolePaths.Dashboard);
            if (await row.CountAsync() > 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < giveUp, $"The dashboard never showed {OrganisationName}:\n{await upper.Locator("main").InnerTextAsync()}");
            await Task.Delay(500, Token);
        }

        await CheckAsync(upper, "e2e-dashboard-filed");
        string before = await row.First.InnerTextAsync();
        await OpenAsync(upper, ConsolePaths.FilingsInbox, "e2e-filings-inbox");
        await upper.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã tiếp nhận" }).First.ClickAsync();
        await Assertions.Expect(upper.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xác nhận tiếp nhận");
        await CheckAsync(upper, "e2e-filings-inbox-acknowledged");
        giveUp = DateTime.UtcNow + s_wait;
        string after;
        do
        {
            await upper.GotoAsync(ConsolePaths.Dashboard);
            after = await row.First.InnerTextAsync();
            Assert.True(DateTime.UtcNow < giveUp, $"The dashboard row never changed after the acknowledgement: {after}");
        }
        while (after == before);
        Assert.Contains("01-QC/ĐU", after, StringComparison.Ordinal);
        Assert.Contains("Đang có hiệu lực", after, StringComparison.Ordinal);
        await CheckAsync(upper, "e2e-dashboard-acknowledged");

        // 4. The clerk records a review; the timeline shows people's names.
        await OpenAsync(clerk, ConsolePaths.Regulation(OrganisationId, regulationId, ConsolePaths.ReviewStep), "e2e-review-step");
        await clerk.GetByLabel("Ngày họp rà soát").FillAsync(Iso(today));
        await clerk.GetByLabel("Giữ nguyên").CheckAsync();
        await clerk.GetByLabel("Biên bản họp rà soát").SetInputFilesAsync(new FilePayload
        {
            Name = "Biên bản họp rà soát.pdf", MimeType = "application/pdf", Buffer = TestDocuments.Pdf("Bien ban hop ra soat"),
        });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận kết quả rà soát" }).ClickAsync();
        await clerk.WaitForURLAsync(url => new Uri(url).AbsolutePath == regulation);
        await CheckAsync(clerk, "e2e-regulation-reviewed");
        var timeline = clerk.GetByRole(AriaRole.Region, new() { Name = "Diễn biến" }).Locator("ol.timeline").First;
        string events = await timeline.InnerTextAsync();
        Assert.Contains("Người thực hiện: " + ClerkName, events, StringComparison.Ordinal);
        Assert.Contains("Người thực hiện: Trần Thị Bình", events, StringComparison.Ordinal);
        Assert.Contains("Người thực hiện: " + UpperName, events, StringComparison.Ordinal);
        Assert.DoesNotContain("tk-", events, StringComparison.Ordinal);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static FilePayload Csv(string name, params string[] lines) => new()
    {
        Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"),
    };

    /// <summary>A phone-width page signed in as <paramref name="email"/> by the e-mailed link.</summary>
    private async Task<IPage> SignInAsync(string email)
    {
        var context = await ConsoleSessions.SignInBrowserAsync(browser.Browser, _app!.BaseAddress, maildev.Maildev, email, null, Token);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    private static async Task OpenAsync(IPage page, string path, string name)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response!.Status == 200, $"{path} answered {response.Status}.");
        await CheckAsync(page, name);
    }

    /// <summary>axe-core finds nothing at 390 px; the page is kept as a screenshot at 390 px and at 1440 px.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await AxeCheck.AssertNoViolationsAsync(page, name);
        await BrowserFixture.SaveScreenshotAsync(page, name + "-390");
        await page.SetViewportSizeAsync(s_desktop.Width, s_desktop.Height);
        await BrowserFixture.SaveScreenshotAsync(page, name + "-1440");
        await page.SetViewportSizeAsync(BrowserFixture.PhoneViewport.Width, BrowserFixture.PhoneViewport.Height);
    }

    /// <summary>Reloads <paramref name="path"/> until a field labelled <paramref name="label"/> shows (work done in the background).</summary>
    private static async Task UntilAsync(IPage page, string path, string label, string failure)
    {
        var giveUp = DateTime.UtcNow + s_wait;
        while (true)
        {
            await page.GotoAsync(path);
            if (await page.GetByLabel(label).CountAsync() > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < giveUp, $"{failure}:\n{await page.Locator("main").InnerTextAsync()}");
            await Task.Delay(500, Token);
        }
    }

    /// <summary>Waits for the newest e-mail to <paramref name="recipient"/> whose subject starts so, and opens its link at phone width.</summary>
    private async Task<IPage> OpenLinkAsync(string recipient, string subjectStart)
    {
        string link = await EndToEndApp.PersonalLinkAsync(maildev.Maildev, recipient, subjectStart, Token);
        var context = await browser.NewPhoneContextAsync();
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(link);
        Assert.Equal(200, response!.Status);
        return page;
    }
}
