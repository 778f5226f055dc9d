using Microsoft.Playwright;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.OfficeConsole;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Functions.Tests.Web;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Status;

/// <summary>
/// The dashboard in Chromium: on a phone and a desktop, checked by axe-core, and refreshing itself; base-1's text copied
/// from the previous term and base-2's consultation held for form (<see cref="StatusTestHost.AddQualityFiguresAsync"/>).
/// </summary>
public sealed class DashboardBrowserTests(StatusHostFixture fixture, BrowserFixture browser) : IClassFixture<StatusHostFixture>, IAsyncLifetime
{
    private static readonly ViewportSize s_desktop = new() { Width = 1440, Height = 900 };

    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Host.AddQualityFiguresAsync(Token);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Dashboard_OnPhone_IsOneCardPerRowWithinTheWidthAndPassesAxe()
    {
        await using var context = await SignInAsync(Host.BlocPerson, viewport: null);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ConsolePaths.Dashboard);
        await BrowserFixture.SaveScreenshotAsync(page, "dashboard-phone");

        await AxeCheck.AssertNoViolationsAsync(page);
        Assert.Equal("Tình hình quy chế làm việc", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(4, await page.Locator(".status-table tbody tr").CountAsync());
        Assert.False(await page.Locator(".status-table thead").IsVisibleAsync() && await page.Locator(".status-table thead").BoundingBoxAsync() is { Width: > 1 });
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= BrowserFixture.PhoneViewport.Width, $"The page is {width}px wide on a phone.");
        var card = page.Locator(".status-table tbody tr").Filter(new() { HasText = "Đảng ủy base-2" });
        Assert.Contains("Quá hạn rà soát", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches("^Trả lời 30 %[\\s\\S]*hình thức$", await card.Locator("td[data-label='Lấy ý kiến']").InnerTextAsync());
        var copied = page.Locator(".status-table tbody tr").Filter(new() { HasText = "Đảng ủy base-1" }).Locator("td[data-label='Giống nhiệm kỳ trước']");
        Assert.Matches("^96 %[\\s\\S]*sao chép$", await copied.InnerTextAsync());
        var box = await copied.BoundingBoxAsync();
        Assert.True(box!.X + box.Width <= BrowserFixture.PhoneViewport.Width, $"The likeness cell ends at {box.X + box.Width}px on a phone.");
        // The mark sits with its figure, right of the cell's label, not under the label.
        var figure = await copied.Locator(".quality-figure").BoundingBoxAsync();
        var mark = await copied.Locator(".badge--copied").BoundingBoxAsync();
        Assert.True(mark!.X >= figure!.X, $"The mark starts at {mark.X}px, left of its figure at {figure.X}px.");
    }

    [Fact]
    public async Task Dashboard_OnDesktop_IsATableSortedByItsHeaderLinksAndPassesAxe()
    {
        await using var context = await SignInAsync(Host.BlocPerson, s_desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsolePaths.Dashboard);

        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Tổ chức" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=Name", StringComparison.Ordinal));
        await BrowserFixture.SaveScreenshotAsync(page, "dashboard-desktop");

        await AxeCheck.AssertNoViolationsAsync(page);
        Assert.True(await page.Locator(".status-table thead").IsVisibleAsync());
        Assert.Equal("ascending", await page.GetByRole(AriaRole.Columnheader, new() { Name = "Tổ chức" }).GetAttributeAsync("aria-sort"));
        var names = await page.Locator(".status-table tbody th a").AllInnerTextsAsync();
        Assert.Equal(["Đảng ủy base-1 — Khối cơ quan tỉnh", "Đảng ủy base-2 — Khối cơ quan tỉnh", "Đảng ủy base-3 — Khối cơ quan tỉnh", "Đảng ủy duk — Khối cơ quan tỉnh"], names);
        var table = await page.Locator(".status-table").BoundingBoxAsync();
        Assert.True(table!.Width > 1000, $"The table is {table.Width}px wide on a 1440px screen.");

        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Giống nhiệm kỳ trước" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=Likeness", StringComparison.Ordinal));
        await BrowserFixture.SaveScreenshotAsync(page, "dashboard-desktop-likeness");
        await AxeCheck.AssertNoViolationsAsync(page);
        Assert.Equal("ascending", await page.GetByRole(AriaRole.Columnheader, new() { Name = "Giống nhiệm kỳ trước" }).GetAttributeAsync("aria-sort"));
        Assert.Equal("Đảng ủy base-1 — Khối cơ quan tỉnh", await page.Locator(".status-table tbody th a").First.InnerTextAsync());
        Assert.Equal("sao chép", await page.Locator(".status-table tbody tr").First.Locator(".badge--copied").InnerTextAsync());
    }

    [Fact]
    public async Task Dashboard_FilterFormAndCountLink_NarrowTheRowsWithoutScript()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = Host.App.BaseAddress.ToString() });
        await context.AddCookiesAsync(await SessionCookiesAsync(Host.BlocPerson));
        var page = await context.NewPageAsync();
        await page.GotoAsync(ConsolePaths.Dashboard);

        await page.GetByLabel("Chỉ tổ chức quá hạn rà soát").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        Assert.Contains("overdue=true", page.Url, StringComparison.Ordinal);
        Assert.Equal(["Đảng ủy base-2 — Khối cơ quan tỉnh"], await page.Locator(".status-table tbody th a").AllInnerTextsAsync());

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^3 chưa có quy chế nhiệm kỳ này$") }).ClickAsync();
        Assert.Equal(3, await page.Locator(".status-table tbody tr").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Làm mới" }).ClickAsync();
        Assert.Equal(3, await page.Locator(".status-table tbody tr").CountAsync());

        await page.GetByLabel("Chỉ tổ chức chưa có quy chế").UncheckAsync();
        await page.GetByLabel("Chỉ tổ chức lấy ý kiến hình thức").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        Assert.Contains("formalConsultation=true", page.Url, StringComparison.Ordinal);
        Assert.Equal(["Đảng ủy base-2 — Khối cơ quan tỉnh"], await page.Locator(".status-table tbody th a").AllInnerTextsAsync());
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^1 sao chép quy chế nhiệm kỳ trước$") }).ClickAsync();
        Assert.Contains("copied=true", page.Url, StringComparison.Ordinal);
        Assert.Equal(["Đảng ủy base-1 — Khối cơ quan tỉnh"], await page.Locator(".status-table tbody th a").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Timeline_OnPhone_PassesAxe()
    {
        await using var context = await SignInAsync(Host.BlocPerson, viewport: null);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ConsolePaths.DashboardTimeline("reg-base-1"));
        await BrowserFixture.SaveScreenshotAsync(page, "dashboard-timeline-phone");

        await AxeCheck.AssertNoViolationsAsync(page);
        Assert.Equal(["Tạo hồ sơ quy chế", "Tải lên dự thảo", "Ủy viên biểu quyết"], await page.Locator(".timeline-what").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Dashboard_Open_RefreshesARowAfterAVoteWithoutReloading()
    {
        // An organisation of its own under the district, its committee of three voting, none voted yet.
        await Host.Get<OrganisationStore>().CreateAsync(StateTestData.Organisation("huyen-live", "huyen", committeeSize: 3), Token);
        var voting = StateTestData.InVote("huyen-live", "reg-huyen-live", StateTestData.Committee(3));
        await Host.Get<RegulationIndex>().ReserveAsync("reg-huyen-live", "huyen-live", Token);
        await Host.Get<RegulationStore>().AddAsync(voting.Regulation.ToState(), Token);
        await Host.Get<VoteRoundStore>().AddAsync(voting.Vote.ToState(), Token);
        await Host.Get<StatusProjection>().RefreshAsync("huyen-live", Token);
        await using var context = await SignInAsync(Host.DistrictPerson, s_desktop);
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync();
        await page.GotoAsync($"{ConsolePaths.Dashboard}?q=huyen-live");
        var row = page.Locator(".status-table tbody tr").Filter(new() { HasText = "Đảng ủy huyen-live" });
        Assert.Contains("3/3 phiếu biểu quyết", await row.InnerTextAsync(), StringComparison.Ordinal);
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Diễn biến") }).FocusAsync();

        var loaded = await Host.Get<VoteRoundStore>().GetAsync("reg-huyen-live", voting.Vote.Id, Token);
        var round = VoteRound.FromState(loaded!.Value);
        round.Cast("m1", VoteChoice.Agree, null, TestData.T0.AddDays(4));
        await Host.Get<VoteRoundStore>().UpdateAsync(round.ToState(), loaded.ETag, Token);
        await Host.Get<StatusProjection>().RefreshAsync("huyen-live", Token);
        await page.Clock.RunForAsync((DashboardPages.RefreshSeconds + 1) * 1000);

        await row.GetByText("2/3 phiếu biểu quyết", new() { Exact = false }).WaitForAsync();
        Assert.Equal(["—", "—"], await row.Locator("td[data-label='Giống nhiệm kỳ trước'], td[data-label='Lấy ý kiến']").AllInnerTextsAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "The page was reloaded.");
        Assert.Equal(ConsolePaths.DashboardTimeline("reg-huyen-live"), await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
    }

    private Task<IBrowserContext> SignInAsync(Account person, ViewportSize? viewport) =>
        ConsoleSessions.SignInBrowserAsync(browser.Browser, Host.App.BaseAddress, Host.Maildev, person.Email, viewport, Token);

    // The session of a browser signed in by the link, for a context that runs no script.
    private async Task<IEnumerable<Cookie>> SessionCookiesAsync(Account person)
    {
        await using var signedIn = await SignInAsync(person, viewport: null);
        return [.. (await signedIn.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Secure = c.Secure, HttpOnly = c.HttpOnly, SameSite = c.SameSite,
        })];
    }
}
