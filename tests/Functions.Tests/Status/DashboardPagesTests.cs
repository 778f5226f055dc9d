using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.Status;

/// <summary>
/// The console's dashboard over HTTP, signed in as the bloc's upper-level person (subtree duk, base-1 in vote, base-2
/// filed and overdue, base-3 without a regulation; base-1's text copied from the previous term, base-2's a scan whose
/// consultation was held for form: <see cref="StatusTestHost.AddQualityFiguresAsync"/>) or the district's office person
/// (huyen and below).
/// </summary>
public sealed partial class DashboardPagesTests(StatusHostFixture fixture) : IClassFixture<StatusHostFixture>, IAsyncLifetime
{
    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Host.AddQualityFiguresAsync(Token);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ShowDashboard_UpperLevelPerson_ShowsOneRowPerOrganisationOfItsSubtreeWithCounts()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        string html = await GetPageAsync(client, ConsolePaths.Dashboard);

        Assert.Equal(["duk", "base-1", "base-2", "base-3"], Rows(html));
        Assert.DoesNotContain("huyen", html, StringComparison.Ordinal);
        Assert.Contains("id=\"bang-theo-doi\"", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"{DashboardScript.Path}\"", html, StringComparison.Ordinal);
        Assert.Contains("2/7 phiếu biểu quyết: Nguyễn Thị Ánh 6, Nguyễn Thị Ánh 7", Decode(html), StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.Organisation("base-2")}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.Regulation("base-2", "reg-base-2")}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.DashboardTimeline("reg-base-1")}\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> quá hạn rà soát", Decode(html), StringComparison.Ordinal);
        Assert.Contains("<strong>3</strong> chưa có quy chế nhiệm kỳ này", Decode(html), StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> sao chép quy chế nhiệm kỳ trước", Decode(html), StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> lấy ý kiến hình thức", Decode(html), StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.Dashboard}\">Làm mới</a>", Decode(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sort=Name", new[] { "base-1", "base-2", "base-3", "duk" }, "Tổ chức", "ascending")]
    [InlineData("sort=Name&order=desc", new[] { "duk", "base-3", "base-2", "base-1" }, "Tổ chức", "descending")]
    [InlineData("sort=Stage", new[] { "base-1", "base-2", "duk", "base-3" }, "Giai đoạn", "ascending")]
    [InlineData("sort=Issued&order=desc", new[] { "base-2", "duk", "base-1", "base-3" }, "Ban hành", "descending")]
    [InlineData("sort=Pending&order=desc", new[] { "base-1", "base-2", "duk", "base-3" }, "Đang chờ", "descending")]
    [InlineData("sort=Likeness&order=desc", new[] { "base-1", "duk", "base-2", "base-3" }, "Giống nhiệm kỳ trước", "descending")]
    [InlineData("sort=Consultation", new[] { "base-2", "base-1", "duk", "base-3" }, "Lấy ý kiến", "ascending")]
    public async Task ShowDashboard_Sorted_OrdersRowsAndMarksTheColumnHeader(string sort, string[] expected, string column, string ariaSort)
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        string html = Decode(await GetPageAsync(client, $"{ConsolePaths.Dashboard}?{sort}"));

        Assert.Equal(expected, Rows(html));
        var sorted = Regex.Matches(html, "<th scope=\"col\" aria-sort=\"([a-z]+)\">\\s*<a href=\"([^\"]*)\">([^<]+)<").Single();
        Assert.Equal(ariaSort, sorted.Groups[1].Value);
        Assert.Equal(column, sorted.Groups[3].Value);
        // The sorted column's link turns the order round; the others sort ascending by their column.
        Assert.Equal(ariaSort == "ascending", sorted.Groups[2].Value.Contains("order=desc", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stage=InVote", new[] { "base-1" })]
    [InlineData("stage=None", new[] { "duk", "base-3" })]
    [InlineData("type=Agency&stage=Filed", new[] { "base-2" })]
    [InlineData("type=Enterprise", new string[0])]
    [InlineData("compliance=ReviewOverdue", new[] { "base-2" })]
    [InlineData("missing=true", new[] { "duk", "base-1", "base-3" })]
    [InlineData("overdue=true", new[] { "base-2" })]
    [InlineData("returned=true", new string[0])]
    [InlineData("copied=true", new[] { "base-1" })]
    [InlineData("formalConsultation=true", new[] { "base-2" })]
    [InlineData("copied=true&formalConsultation=true", new string[0])]
    [InlineData("q=dang+uy+base-3", new[] { "base-3" })]
    [InlineData("organisationId=base-1", new[] { "base-1" })]
    [InlineData("stage=&type=&compliance=&q=&organisationId=", new[] { "duk", "base-1", "base-2", "base-3" })]
    public async Task ShowDashboard_Filtered_ShowsOnlyMatchingRowsAndKeepsTheChoiceInTheForm(string filter, string[] expected)
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        string html = await GetPageAsync(client, $"{ConsolePaths.Dashboard}?{filter}");

        Assert.Equal(expected, Rows(html));
        if (expected.Length == 0)
        {
            Assert.Contains("Không có tổ chức nào phù hợp với điều kiện lọc.", Decode(html), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("copied=true", "loc-sao-chep")]
    [InlineData("formalConsultation=true", "loc-hinh-thuc")]
    [InlineData("copied=false", null)]
    public async Task ShowDashboard_QualityFilter_SelectsWhatTheStatusApiSelectsAndKeepsItsBoxTicked(string filter, string? ticked)
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);
        using var api = Host.CreateClient(Host.BlocKey);

        string html = await GetPageAsync(client, $"{ConsolePaths.Dashboard}?{filter}");
        using var json = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync($"{StatusApi.Path}?{filter}", Token));

        Assert.Equal(StatusApiTests.Ids(json.RootElement), Rows(html));
        Assert.NotEmpty(Rows(html));
        var counts = json.RootElement.GetProperty("counts");
        Assert.Equal((1, 1), (counts.GetProperty("copied").GetInt32(), counts.GetProperty("formalConsultation").GetInt32()));
        foreach (string box in new[] { "loc-sao-chep", "loc-hinh-thuc" })
        {
            Assert.Equal(box == ticked, Regex.IsMatch(html, $"<input type=\"checkbox\" id=\"{box}\"[^>]* checked"));
        }
    }

    [Fact]
    public async Task ShowDashboard_QualityColumns_ShowTheLikenessTheResponseRateAndTheRowsFlags()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        string html = Decode(await GetPageAsync(client, ConsolePaths.Dashboard));

        string copied = Cells(html, "base-1");
        Assert.Matches("<td data-label=\"Giống nhiệm kỳ trước\">\\s*<span>\\s*<a class=\"quality-figure\" href=\"/[^\"]+/so-sanh\\?with=previous\">96 %<", copied);
        Assert.Contains("<span class=\"badge badge--copied\">sao chép</span>", copied, StringComparison.Ordinal);
        Assert.Contains(">Trả lời 80 %<", copied, StringComparison.Ordinal);
        Assert.DoesNotContain("badge--formal", copied, StringComparison.Ordinal);
        string formal = Cells(html, "base-2");
        Assert.Contains(">bản quét<", formal, StringComparison.Ordinal);
        Assert.DoesNotContain("badge--copied", formal, StringComparison.Ordinal);
        Assert.Contains(">Trả lời 30 %<", formal, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge badge--formal\">hình thức</span>", formal, StringComparison.Ordinal);
        Assert.Matches("<td data-label=\"Giống nhiệm kỳ trước\">\\s*<span>—</span>\\s*</td>\\s*<td data-label=\"Lấy ý kiến\">\\s*<span>—</span>", Cells(html, "base-3"));
    }

    [Fact]
    public async Task ShowDashboard_Paged_ShowsThatPageWithPageLinksAndTheTotal()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        string first = Decode(await GetPageAsync(client, $"{ConsolePaths.Dashboard}?pageSize=3"));
        string second = Decode(await GetPageAsync(client, $"{ConsolePaths.Dashboard}?pageSize=3&page=2"));

        Assert.Equal(["duk", "base-1", "base-2"], Rows(first));
        Assert.Contains("4 kết quả, trang 1/2", first, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{ConsolePaths.Dashboard}?page=2&amp;pageSize=3\" rel=\"next\">", first, StringComparison.Ordinal);
        Assert.Matches("aria-current=\"page\"><span class=\"visually-hidden\">Trang </span>1</a>", first);
        Assert.Equal(["base-3"], Rows(second));
        Assert.Contains("trang 2/2", second, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{ConsolePaths.Dashboard}?pageSize=3\" rel=\"prev\">", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?overdue=true", new[] { "base-2" })]
    [InlineData("?missing=true", new[] { "duk", "base-1", "base-3" })]
    [InlineData("?stage=InVote", new[] { "base-1" })]
    [InlineData("?stage=None", new[] { "duk", "base-3" })]
    [InlineData("?copied=true", new[] { "base-1" })]
    [InlineData("?formalConsultation=true", new[] { "base-2" })]
    public async Task ShowDashboard_CountLink_AppliesItsFilterWithinTheSubtree(string link, string[] expected)
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);
        // Shown on a filtered, sorted page: the count's link keeps the order and drops the other filter.
        string html = Decode(await GetPageAsync(client, $"{ConsolePaths.Dashboard}?type=Enterprise"));
        string href = ConsolePaths.Dashboard + link;
        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);

        string followed = await GetPageAsync(client, href);

        Assert.Equal(expected, Rows(followed));
    }

    [Fact]
    public async Task DownloadXlsx_FilteredSortedSecondPage_HoldsEveryMatchingRowInThatOrder()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);
        string html = Decode(await GetPageAsync(client, $"{ConsolePaths.Dashboard}?stage=None&sort=Name&order=desc&pageSize=1&page=2"));
        string href = Regex.Match(html, $"href=\"({Regex.Escape(ConsolePaths.DashboardXlsx)}[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);

        using var response = await client.GetAsync(href, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StatusXlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        var sheet = await StatusQueryApiTests.OpenSheetAsync(response);
        Assert.Equal(StatusXlsx.Headers, sheet.Rows[0]);
        Assert.Equal(["duk", "base-3"], sheet.Rows.Skip(1).Select(r => r[0]));
        Assert.Equal("Đảng ủy duk — Khối cơ quan tỉnh", sheet.Rows[1][1]);
        Assert.True(sheet.FrozenHeader);
    }

    [Fact]
    public async Task Downloads_QualityFiltered_CarryTheLikenessAndTheConsultationWithTheirMarks()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        using var csv = await client.GetAsync($"{ConsolePaths.DashboardCsv}?copied=true", Token);
        using var xlsx = await client.GetAsync($"{ConsolePaths.DashboardXlsx}?formalConsultation=true", Token);

        byte[] bytes = await csv.Content.ReadAsByteArrayAsync(Token);
        var records = StatusApiTests.ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["Giống nhiệm kỳ trước", "Lấy ý kiến"], records[0][^2..]);
        Assert.Equal([["base-1", "96 % (sao chép)", "Trả lời 80 %"]], records.Skip(1).Select(r => new[] { r[0], r[^2], r[^1] }));
        var sheet = await StatusQueryApiTests.OpenSheetAsync(xlsx);
        Assert.Equal(["Giống nhiệm kỳ trước", "Lấy ý kiến"], sheet.Rows[0][^2..]);
        Assert.Equal([["base-2", "bản quét", "Trả lời 30 % (hình thức)"]], sheet.Rows.Skip(1).Select(r => new[] { r[0], r[^2], r[^1] }));
    }

    [Fact]
    public async Task DownloadCsv_Filtered_IsUtf8WithBomCommaSeparatedWithTheShownRows()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        using var response = await client.GetAsync($"{ConsolePaths.DashboardCsv}?overdue=true", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var records = StatusApiTests.ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(StatusCsv.Headers, records[0]);
        Assert.Equal(["base-2"], records.Skip(1).Select(r => r[0]));
        Assert.Equal("Đảng ủy base-2 — Khối cơ quan tỉnh", records[1][1]);
        Assert.DoesNotContain("sep=", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowDashboard_OrganisationOutsideTheSubtree_AnswersNotFound()
    {
        using var bloc = await Host.SignInAsync(Host.BlocPerson, Token);
        using var district = await Host.SignInAsync(Host.DistrictPerson, Token);

        using var sibling = await bloc.GetAsync($"{ConsolePaths.Dashboard}?organisationId=huyen", Token);
        using var siblingXlsx = await bloc.GetAsync($"{ConsolePaths.DashboardXlsx}?organisationId=huyen-cs", Token);
        using var siblingTimeline = await bloc.GetAsync(ConsolePaths.DashboardTimeline("reg-huyen-cs"), Token);
        string own = await GetPageAsync(district, ConsolePaths.Dashboard);

        Assert.Equal(HttpStatusCode.NotFound, sibling.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, siblingXlsx.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, siblingTimeline.StatusCode);
        Assert.DoesNotContain("An Ph", await sibling.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Contains("huyen-cs", Rows(own));
        Assert.DoesNotContain(Rows(own), id => id is "duk" or "base-1" or "base-2" or "base-3" or "tinh-uy");
    }

    [Fact]
    public async Task ShowDashboard_InvalidFilter_Answers400Page()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        using var response = await client.GetAsync($"{ConsolePaths.Dashboard}?stage=Voting", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bộ lọc không hợp lệ", Decode(await response.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTable_SignedIn_IsTheLivePartAloneWithTheSameRows()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        string html = await GetPageAsync(client, $"{ConsolePaths.DashboardTable}?sort=Name");

        Assert.StartsWith("<div id=\"bang-theo-doi\"", html.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Equal(["base-1", "base-2", "base-3", "duk"], Rows(html));
    }

    [Fact]
    public async Task ShowTimeline_OwnSubtree_ListsItsEntries()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Token);

        string html = Decode(await GetPageAsync(client, ConsolePaths.DashboardTimeline("reg-base-1")));

        Assert.Contains("Tạo hồ sơ quy chế", html, StringComparison.Ordinal);
        Assert.Contains("02/03/2026 09:00", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/bang-dieu-khien", ConsolePaths.Dashboard)]
    [InlineData("/bang-dieu-khien?stage=InVote&overdue=true", ConsolePaths.Dashboard + "?stage=InVote&overdue=true")]
    [InlineData("/bang-dieu-khien/tai-xuong.csv?type=Agency", ConsolePaths.DashboardCsv + "?type=Agency")]
    [InlineData("/bang-dieu-khien/quy-che/reg-base-1", ConsolePaths.Dashboard + "/quy-che/reg-base-1")]
    [InlineData("/bang-dieu-khien/dang-nhap", ConsolePaths.SignIn)]
    public async Task LegacyPath_AnyVisitor_RedirectsPermanentlyToTheConsole(string legacy, string expected)
    {
        using var client = NoRedirects();

        using var response = await client.GetAsync(legacy, Token);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(ConsolePaths.Dashboard)]
    [InlineData(ConsolePaths.DashboardTable)]
    [InlineData(ConsolePaths.DashboardCsv)]
    [InlineData(ConsolePaths.DashboardXlsx)]
    [InlineData(ConsolePaths.Dashboard + "/quy-che/reg-base-1")]
    public async Task Dashboard_NotSignedIn_SendsToSignIn(string path)
    {
        using var client = NoRedirects();

        using var response = await client.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ConsolePaths.SignIn, new Uri(Host.App.BaseAddress, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Dashboard_ApiKeyOfAnOffice_IsNotAConsoleSession()
    {
        using var client = NoRedirects();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", Host.BlocKey);

        using var response = await client.GetAsync(ConsolePaths.Dashboard, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Script_IsServedCacheableFromOwnOrigin()
    {
        using var client = NoRedirects();

        using var response = await client.GetAsync(DashboardScript.Path, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("bang-theo-doi", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    /// <summary>The organisation ids of the table's rows, in order, from their name links.</summary>
    internal static string[] Rows(string html)
    {
        int start = html.IndexOf("<tbody>", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        string body = html[start..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return [.. OrganisationLink().Matches(body).Select(m => Uri.UnescapeDataString(m.Groups[1].Value))];
    }

    /// <summary>The cells of the row of <paramref name="organisationId"/>, from its name link to the row's end.</summary>
    private static string Cells(string html, string organisationId)
    {
        int start = html.IndexOf($"href=\"/van-phong/to-chuc/{organisationId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {organisationId}.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    // Text as a reader sees it (Vietnamese letters may be written as character references), with '&' written as in
    // an attribute again, so links can be compared as the page writes them.
    private static string Decode(string html) => WebUtility.HtmlDecode(html).Replace("&", "&amp;", StringComparison.Ordinal);

    private static async Task<string> GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Token);
        string html = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html}");
        return html;
    }

    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.App.BaseAddress };

    [GeneratedRegex("<th scope=\"row\" data-label=\"[^\"]*\">\\s*<a href=\"/van-phong/to-chuc/([^\"]+)\"")]
    private static partial Regex OrganisationLink();
}
