using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Status;

/// <summary>
/// The status API's sorting, search, paging, counts and XLSX: the same reading the dashboard's table does
/// (<see cref="StatusReports.ReadAsync"/>). The bloc's subtree is duk, base-1 (in vote, 2 of 7 due), base-2 (filed,
/// overdue) and base-3 (no regulation).
/// </summary>
public sealed class StatusQueryApiTests(StatusHostFixture fixture) : IClassFixture<StatusHostFixture>
{
    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sort=Name", new[] { "base-1", "base-2", "base-3", "duk" })]
    [InlineData("sort=name&order=desc", new[] { "duk", "base-3", "base-2", "base-1" })]
    [InlineData("sort=Stage", new[] { "base-1", "base-2", "duk", "base-3" })]
    [InlineData("sort=Stage&order=desc", new[] { "base-2", "base-1", "duk", "base-3" })]
    [InlineData("sort=Issued", new[] { "base-2", "duk", "base-1", "base-3" })]
    [InlineData("sort=Issued&order=desc", new[] { "base-2", "duk", "base-1", "base-3" })]
    [InlineData("sort=NextReview", new[] { "base-2", "duk", "base-1", "base-3" })]
    [InlineData("sort=Pending&order=desc", new[] { "base-1", "base-2", "duk", "base-3" })]
    [InlineData("sort=Pending", new[] { "base-2", "base-1", "duk", "base-3" })]
    [InlineData("order=desc", new[] { "base-3", "base-2", "base-1", "duk" })]
    public async Task GetStatus_Sort_OrdersRowsWithEmptyValuesLast(string sort, string[] expected)
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var json = await GetJsonAsync(client, $"{StatusApi.Path}?{sort}");

        Assert.Equal(expected, StatusApiTests.Ids(json.RootElement));
    }

    [Theory]
    [InlineData("page=1&pageSize=3", new[] { "duk", "base-1", "base-2" }, 1, 2)]
    [InlineData("page=2&pageSize=3", new[] { "base-3" }, 2, 2)]
    [InlineData("page=2&pageSize=2&sort=Name&order=desc", new[] { "base-2", "base-1" }, 2, 2)]
    [InlineData("page=9&pageSize=3", new string[0], 9, 2)]
    [InlineData("page=1", new[] { "duk", "base-1", "base-2", "base-3" }, 1, 1)]
    public async Task GetStatus_Page_ReturnsThatPageAndTheTotal(string paging, string[] expected, int page, int pageCount)
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var json = await GetJsonAsync(client, $"{StatusApi.Path}?{paging}");

        var root = json.RootElement;
        Assert.Equal(expected, StatusApiTests.Ids(root));
        Assert.Equal(4, root.GetProperty("count").GetInt32());
        Assert.Equal(page, root.GetProperty("page").GetInt32());
        Assert.Equal(pageCount, root.GetProperty("pageCount").GetInt32());
    }

    [Fact]
    public async Task GetStatus_NoPage_ReturnsEveryRowUnpaged()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var json = await GetJsonAsync(client, StatusApi.Path);

        Assert.Equal(4, json.RootElement.GetProperty("organisations").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("page").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("pageCount").ValueKind);
    }

    [Theory]
    [InlineData("q=BASE-2", new[] { "base-2" })]
    [InlineData("q=dang uy base-3", new[] { "base-3" })]
    [InlineData("q=%C4%90%E1%BA%A3ng%20%E1%BB%A7y%20duk", new[] { "duk" })]
    [InlineData("q=khoi  co quan", new[] { "duk", "base-1", "base-2", "base-3" })]
    [InlineData("q=base&stage=InVote", new[] { "base-1" })]
    [InlineData("q=khong co", new string[0])]
    public async Task GetStatus_Search_MatchesNamesIgnoringCaseAndDiacritics(string search, string[] expected)
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var json = await GetJsonAsync(client, $"{StatusApi.Path}?{search}");

        Assert.Equal(expected, StatusApiTests.Ids(json.RootElement));
    }

    [Fact]
    public async Task GetStatus_Counts_CoverTheSubtreeWhateverTheFilters()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var json = await GetJsonAsync(client, $"{StatusApi.Path}?stage=InVote&page=1");

        var counts = json.RootElement.GetProperty("counts");
        Assert.Equal(1, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(4, counts.GetProperty("organisations").GetInt32());
        Assert.Equal(
            [("Filed", 1), ("InVote", 1), ("None", 2)],
            counts.GetProperty("stages").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).OrderBy(p => p.Name, StringComparer.Ordinal));
        Assert.Equal(3, counts.GetProperty("missing").GetInt32());
        Assert.Equal(1, counts.GetProperty("overdue").GetInt32());
        Assert.Equal(0, counts.GetProperty("returned").GetInt32());
    }

    [Fact]
    public async Task GetStatus_FilingReturned_FlagsTheRowAndFiltersOnItAndFindsHaNoiWithoutDiacritics()
    {
        // An organisation of its own under the district, whose filing the district returned: an amendment starts.
        await Host.Get<OrganisationStore>().CreateAsync(
            StateTestData.Organisation("huyen-hn", "huyen", committeeSize: 3) with { Name = "Chi bộ Thôn Hà Nội" }, Token);
        var filed = StateTestData.Filed("huyen-hn", "reg-huyen-hn", "huyen", new DateOnly(2026, 3, 2));
        filed.Filing!.Return(["Bổ sung Điều 5 về chế độ thông tin, báo cáo."], "huyen", TestData.T0.AddDays(12));
        filed.Regulation.ApplyFilingReturned(filed.Filing, "amend-huyen-hn", TestData.T0.AddDays(12));
        await Host.Get<RegulationIndex>().ReserveAsync("reg-huyen-hn", "huyen-hn", Token);
        await Host.Get<RegulationStore>().AddAsync(filed.Regulation.ToState(), Token);
        await Host.Get<FilingStore>().AddAsync(filed.Filing.ToState(), Token);
        await Host.Get<StatusProjection>().RefreshAsync("huyen-hn", Token);
        using var client = Host.CreateClient(Host.DistrictKey);

        using var returned = await GetJsonAsync(client, $"{StatusApi.Path}?returned=true");
        using var others = await GetJsonAsync(client, $"{StatusApi.Path}?returned=false");
        using var found = await GetJsonAsync(client, $"{StatusApi.Path}?q=ha%20noi&page=1");

        Assert.Equal(["huyen-hn"], StatusApiTests.Ids(returned.RootElement));
        Assert.True(returned.RootElement.GetProperty("organisations")[0].GetProperty("isReturned").GetBoolean());
        Assert.DoesNotContain("huyen-hn", StatusApiTests.Ids(others.RootElement));
        Assert.Equal(["huyen-hn"], StatusApiTests.Ids(found.RootElement));
        Assert.Equal(1, found.RootElement.GetProperty("counts").GetProperty("returned").GetInt32());
    }

    [Theory]
    [InlineData("sort=Ngay", "sort")]
    [InlineData("order=up", "order")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=1&pageSize=501", "pageSize")]
    [InlineData("returned=1", "returned")]
    public async Task GetStatus_InvalidSortOrPage_Returns400NamingTheParameter(string query, string parameter)
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var response = await client.GetAsync($"{StatusApi.Path}?{query}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task GetStatus_SearchTooLong_Returns400()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var response = await client.GetAsync($"{StatusApi.Path}?q={new string('a', StatusQuery.MaxSearchLength + 1)}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetStatus_Xlsx_IsASheetWithHeaderTypedDatesFrozenHeaderAndWidths()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var response = await client.GetAsync($"{StatusApi.Path}?format=xlsx&sort=Name&order=desc", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(StatusXlsx.ContentType, response.Content.Headers.ContentType?.MediaType);
        var sheet = await OpenSheetAsync(response);
        Assert.Equal(StatusXlsx.SheetName, sheet.Name);
        Assert.Equal(StatusXlsx.Headers, sheet.Rows[0]);
        Assert.Equal(["duk", "base-3", "base-2", "base-1"], sheet.Rows.Skip(1).Select(r => r[0]));
        Assert.Equal("Đảng ủy base-2 — Khối cơ quan tỉnh", sheet.Rows[3][1]);
        Assert.Equal(new DateOnly(2026, 3, 16), sheet.Dates["G4"]);
        Assert.Equal(new DateOnly(2026, 9, 16), sheet.Dates["K4"]);
        Assert.Equal("Có", sheet.Rows[3][13]);
        Assert.Contains("Nguyễn Thị Ánh 6, Nguyễn Thị Ánh 7", sheet.Rows[4][11], StringComparison.Ordinal);
        Assert.True(sheet.FrozenHeader);
        Assert.Equal(StatusXlsx.Headers.Count, sheet.ColumnWidths);
    }

    /// <summary>A sheet read back with the Open XML SDK: its cells as text, its date cells as days, and its layout.</summary>
    internal sealed record SheetContents(string Name, List<string[]> Rows, Dictionary<string, DateOnly> Dates, bool FrozenHeader, int ColumnWidths);

    internal static async Task<SheetContents> OpenSheetAsync(HttpResponseMessage response)
    {
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var dateFormats = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Where(f => f.FormatCode!.Value!.Contains("yyyy", StringComparison.Ordinal)).Select(f => f.NumberFormatId!.Value).ToHashSet();
        List<string[]> rows = [];
        Dictionary<string, DateOnly> dates = [];
        foreach (var row in worksheet.GetFirstChild<SheetData>()!.Elements<Row>())
        {
            List<string> values = [];
            foreach (var cell in row.Elements<Cell>())
            {
                if (cell.DataType?.Value == CellValues.InlineString)
                {
                    values.Add(cell.InlineString!.InnerText);
                }
                else if (cell.CellValue is { } value && cell.StyleIndex is { } style
                    && dateFormats.Contains(formats[(int)style.Value].NumberFormatId!.Value))
                {
                    var day = DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(value.Text, CultureInfo.InvariantCulture)));
                    dates[cell.CellReference!.Value!] = day;
                    values.Add(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
                }
                else
                {
                    values.Add(cell.CellValue?.Text ?? "");
                }
            }

            rows.Add([.. values]);
        }

        var pane = worksheet.GetFirstChild<SheetViews>()?.GetFirstChild<SheetView>()?.GetFirstChild<Pane>();
        bool frozen = pane is { State.Value: var state, VerticalSplit.Value: 1 } && state == PaneStateValues.Frozen && pane.TopLeftCell?.Value == "A2";
        int widths = worksheet.GetFirstChild<Columns>()?.Elements<Column>().Count(c => c.CustomWidth?.Value == true && c.Width?.Value > 0) ?? 0;
        return new SheetContents(sheet.Name!.Value!, rows, dates, frozen, widths);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Token);
        string body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }
}
