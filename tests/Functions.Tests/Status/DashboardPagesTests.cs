using System.Net;
using Microsoft.Playwright;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Tests.Web;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Status;

public sealed class DashboardPagesTests(StatusHostFixture fixture, BrowserFixture browser) : IClassFixture<StatusHostFixture>, IAsyncLifetime
{
    private IBrowserContext? _context;

    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _context = await browser.NewPhoneContextAsync(Host.App.BaseAddress.ToString());

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [Fact]
    public async Task ShowDashboard_SignedInOnPhone_ShowsSubtreeWithOverdueAndMissingMarked()
    {
        var page = await SignInAsync(Host.BlocKey);

        await BrowserFixture.SaveScreenshotAsync(page, "status-dashboard-phone");

        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Tình hình quy chế làm việc", await page.Locator("h1").InnerTextAsync());
        var cards = page.Locator(".org-card");
        Assert.Equal(4, await cards.CountAsync());
        string main = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("huyen", main, StringComparison.Ordinal);
        Assert.Contains("cập nhật lúc 09:00 ngày 15/10/2026", main, StringComparison.Ordinal);
        var overdue = cards.Filter(new() { HasText = "Đảng ủy base-2" });
        Assert.Contains("Quá hạn rà soát", await overdue.Locator(".badge--overdue").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("16/09/2026", await overdue.InnerTextAsync(), StringComparison.Ordinal);
        var missing = cards.Filter(new() { HasText = "Đảng ủy base-3" });
        Assert.Contains("Chưa có quy chế nhiệm kỳ 2025 - 2030", await missing.Locator(".badge--missing").InnerTextAsync(), StringComparison.Ordinal);
        var voting = cards.Filter(new() { HasText = "Đảng ủy base-1" });
        Assert.Contains("2/7 phiếu biểu quyết: Nguyễn Thị Ánh 6, Nguyễn Thị Ánh 7", await voting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByLabel("Chỉ tổ chức quá hạn rà soát").CountAsync());
        Assert.Equal(1, await page.GetByLabel("Giai đoạn").CountAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= BrowserFixture.PhoneViewport.Width, $"The page is {pageWidth}px wide on a phone.");
    }

    [Fact]
    public async Task ShowDashboard_FilterFormOverdue_ShowsOnlyOverdueOrganisations()
    {
        var page = await SignInAsync(Host.BlocKey);

        await page.GetByLabel("Chỉ tổ chức quá hạn rà soát").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();

        Assert.Contains("overdue=true", page.Url, StringComparison.Ordinal);
        Assert.Equal(["Đảng ủy base-2 — Khối cơ quan tỉnh (ĐU)"], await page.Locator(".org-card h2").AllInnerTextsAsync());
        Assert.True(await page.GetByLabel("Chỉ tổ chức quá hạn rà soát").IsCheckedAsync());
    }

    [Fact]
    public async Task ShowTimeline_FromDashboardLink_ShowsEntriesInVietnamTime()
    {
        var page = await SignInAsync(Host.BlocKey);

        await page.Locator(".org-card").Filter(new() { HasText = "Đảng ủy base-1" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Diễn biến quy chế") }).ClickAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "status-timeline-phone");

        Assert.EndsWith(DashboardPages.TimelinePathFor("reg-base-1"), page.Url, StringComparison.Ordinal);
        Assert.Equal(
            ["Tạo hồ sơ quy chế", "Tải lên dự thảo", "Ủy viên biểu quyết"],
            await page.Locator(".timeline-what").AllInnerTextsAsync());
        Assert.Equal("02/03/2026 09:00", await page.Locator(".timeline-when").First.InnerTextAsync());
    }

    [Fact]
    public async Task ShowTimeline_NoticesSentAndScheduled_ListsBothWithTheScheduledMarked()
    {
        // An organisation of its own under the district (the shared host's seeded ones stay as other tests expect),
        // whose regulation was issued 1 October 2026 and filed: its review is due 1 April 2027, reminded from 18
        // March; the upper level has no office mailbox, so no overdue notice to it is planned.
        await Host.Get<OrganisationStore>().CreateAsync(StateTestData.Organisation("huyen-qc", "huyen", committeeSize: 3), Token);
        var filed = StateTestData.Filed("huyen-qc", "reg-huyen-qc", "huyen", new DateOnly(2026, 10, 1));
        await Host.Get<RegulationIndex>().ReserveAsync("reg-huyen-qc", "huyen-qc", Token);
        await Host.Get<RegulationStore>().AddAsync(filed.Regulation.ToState(), Token);
        await Host.Get<FilingStore>().AddAsync(filed.Filing!.ToState(), Token);
        await Host.Get<NoticeLedger>().RecordAsync("reg-huyen-qc", new SentNotice(
            "filing-submitted|filing-reg-huyen-qc|huyen|202603130200", NoticeKind.FilingSubmitted, "vanphong@huyen.example.vn",
            filed.Filing.SentAt, filed.Filing.SentAt, "Văn phòng Đảng ủy huyen"), Token);
        await Host.Get<StatusProjection>().RefreshAsync("huyen-qc", Token);
        var page = await SignInAsync(Host.DistrictKey);

        await page.GotoAsync(DashboardPages.TimelinePathFor("reg-huyen-qc"));

        Assert.Equal(
            ["Gửi quy chế lên cấp trên", "Nhắc rà soát định kỳ", "Nhắc rà soát định kỳ", "Nhắc rà soát định kỳ", "Báo quá hạn rà soát"],
            await page.Locator(".notice-what").AllInnerTextsAsync());
        Assert.Equal("13/03/2026 09:00 · Đã gửi", await page.Locator(".notice-when").First.InnerTextAsync());
        Assert.Equal("18/03/2027 08:00 · Dự kiến", await page.Locator(".notice--scheduled .notice-when").First.InnerTextAsync());
        Assert.Contains("Đã gửi: Văn phòng Đảng ủy huyen", await page.Locator(".notice").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await page.Locator(".notice--scheduled").CountAsync());

        await page.GotoAsync(DashboardPages.Path);
        string card = await page.Locator(".org-card").Filter(new() { HasText = "Đảng ủy huyen-qc" }).InnerTextAsync();
        Assert.Contains("18/03/2027 08:00: Nhắc rà soát định kỳ, gửi Nguyễn Thị Ánh 1, Nguyễn Thị Ánh 2, Nguyễn Thị Ánh 3 (dự kiến)", card, StringComparison.Ordinal);
        Assert.Contains("13/03/2026 09:00: Gửi quy chế lên cấp trên, gửi Văn phòng Đảng ủy huyen", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTimeline_RegulationOfSibling_ShowsNotFoundPage()
    {
        var page = await SignInAsync(Host.BlocKey);

        var response = await page.GotoAsync(DashboardPages.TimelinePathFor("reg-huyen-cs"));

        Assert.Equal(404, response!.Status);
        Assert.Equal("Không tìm thấy quy chế", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task ShowDashboard_OrganisationOutsideSubtree_ShowsNotFoundPage()
    {
        var page = await SignInAsync(Host.BlocKey);

        var response = await page.GotoAsync(DashboardPages.Path + "?organisationId=huyen");

        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("xã An Phú", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowDashboard_InvalidFilter_ShowsReadable400Page()
    {
        var page = await SignInAsync(Host.BlocKey);

        var response = await page.GotoAsync(DashboardPages.Path + "?stage=Voting");

        Assert.Equal(400, response!.Status);
        Assert.Equal("Bộ lọc không hợp lệ", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task SignIn_SetsHttpOnlyStrictSecureCookieHoldingNoKey()
    {
        await SignInAsync(Host.BlocKey);

        var cookie = (await _context!.CookiesAsync()).Single(c => c.Name == DashboardSession.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal(DashboardPages.Path, cookie.Path);
        Assert.DoesNotContain(Host.BlocKey, Uri.UnescapeDataString(cookie.Value), StringComparison.Ordinal);
        Assert.DoesNotContain(Host.BlocKeyId, Uri.UnescapeDataString(cookie.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongKey_ShowsErrorAndSetsNoCookie()
    {
        var page = await _context!.NewPageAsync();
        await page.GotoAsync(DashboardPages.SignInPath);

        await page.GetByLabel("Khóa truy cập của văn phòng").FillAsync("qcw_khongco_0000000000000000000000");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(401, response.Status);
        Assert.Contains("Khóa truy cập không đúng", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await _context.CookiesAsync(), c => c.Name == DashboardSession.CookieName);
    }

    [Fact]
    public async Task SignIn_BlankKey_AsksForOneAndSetsNoCookie()
    {
        var page = await _context!.NewPageAsync();
        await page.GotoAsync(DashboardPages.SignInPath);

        await page.GetByLabel("Khóa truy cập của văn phòng").FillAsync("   ");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        Assert.Contains("Đề nghị nhập khóa truy cập", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await _context.CookiesAsync(), c => c.Name == DashboardSession.CookieName);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRejectedAndSetsNoCookie()
    {
        using var client = Host.CreateClient(apiKey: null);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { [DashboardPages.ApiKeyFieldName] = Host.BlocKey });

        using var response = await client.PostAsync(DashboardPages.SignInPath, form, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(DashboardSession.CookieName + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ShowDashboard_NotSignedIn_RedirectsToSignIn()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.App.BaseAddress };

        using var response = await client.GetAsync(DashboardPages.Path, Token);
        using var csv = await client.GetAsync(DashboardPages.CsvPath, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DashboardPages.SignInPath, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
    }

    [Fact]
    public async Task SignOut_ThenDashboard_AsksToSignInAgain()
    {
        var page = await SignInAsync(Host.BlocKey);

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.GotoAsync(DashboardPages.Path);

        Assert.EndsWith(DashboardPages.SignInPath, page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await _context!.CookiesAsync(), c => c.Name == DashboardSession.CookieName);
    }

    [Fact]
    public async Task ShowDashboard_KeyRevokedAfterSignIn_AsksToSignInAgain()
    {
        // A key of its own: the class's other tests keep using the bloc's.
        var keys = Host.Get<QuyCheWorkflow.Functions.Security.ApiKeyStore>();
        var key = await keys.CreateAsync(QuyCheWorkflow.Functions.Security.ApiRole.UpperLevelOffice, "duk", "kiểm thử", Token);
        var page = await SignInAsync(key.Key);
        await keys.RevokeAsync(key.Record.KeyId, Token);

        await page.GotoAsync(DashboardPages.Path);

        Assert.EndsWith(DashboardPages.SignInPath, page.Url, StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsync(string apiKey)
    {
        var page = await _context!.NewPageAsync();
        await page.GotoAsync(DashboardPages.Path);
        Assert.EndsWith(DashboardPages.SignInPath, page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Khóa truy cập của văn phòng").FillAsync(apiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(DashboardPages.Path, StringComparison.Ordinal));
        return page;
    }
}
