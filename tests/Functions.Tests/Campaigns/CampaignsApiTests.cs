using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.Tests.Status;

namespace QuyCheWorkflow.Functions.Tests.Campaigns;

public sealed class CampaignsApiTests(StatusHostFixture fixture) : IClassFixture<StatusHostFixture>
{
    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(string title = "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030", string deadline = "2026-12-31") => new
    {
        title,
        requirement = "IssueForCurrentTerm",
        deadline,
        endsOn = "2027-01-31",
        documentNumber = "125-CV/ĐUK",
        documentDate = "2026-10-10",
    };

    private static async Task<HttpResponseMessage> StartAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CampaignsApi.Path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task PostThenGet_BlocOffice_StartsAndRollsUpTheLateFirstAfterTheDeadline()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var created = await StartAsync(client, "api-1", Body());
        using var again = await StartAsync(client, "api-1", Body());
        using var json = JsonDocument.Parse(await client.GetStringAsync(CampaignsApi.Path + "/api-1", Ct));
        using var list = JsonDocument.Parse(await client.GetStringAsync(CampaignsApi.Path, Ct));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var root = json.RootElement;
        Assert.Equal("duk", root.GetProperty("officeOrganisationId").GetString());
        Assert.Equal("Ban hành quy chế làm việc nhiệm kỳ hiện tại", root.GetProperty("requirementLabel").GetString());
        Assert.Equal(1, root.GetProperty("counts").GetProperty("Done").GetInt32());
        Assert.Equal(1, root.GetProperty("counts").GetProperty("UnderWay").GetInt32());
        Assert.Equal("Chưa triển khai", root.GetProperty("members")[0].GetProperty("stateLabel").GetString());
        Assert.Contains(list.RootElement.EnumerateArray(), c => c.GetProperty("id").GetString() == "api-1");
    }

    [Fact]
    public async Task Post_DeadlinePassed_Answers422InVietnameseNamingTheField()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var response = await StartAsync(client, "api-2", Body(deadline: "2026-10-01"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("Hạn hoàn thành ngày 01/10/2026 phải sau hôm nay", json.RootElement.GetProperty("errors").GetProperty("deadline")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CampaignsApi.Path + "/api-2", Ct)).StatusCode);
    }

    [Fact]
    public async Task Post_OfficeKey_IsForbiddenAndAnotherOfficeCannotReadIt()
    {
        using var bloc = Host.CreateClient(Host.BlocKey);
        using var district = Host.CreateClient(Host.DistrictKey);
        using var _ = await StartAsync(bloc, "api-3", Body());

        using var refused = await StartAsync(district, "api-4", Body());
        using var hidden = await district.GetAsync(CampaignsApi.Path + "/api-3", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Export_CsvAndXlsx_HoldEveryMemberInVietnamese()
    {
        using var client = Host.CreateClient(Host.BlocKey);
        using var _ = await StartAsync(client, "api-5", Body());

        var csv = await client.GetByteArrayAsync(CampaignsApi.Path + "/api-5/export.csv", Ct);
        var xlsx = await client.GetByteArrayAsync(CampaignsApi.Path + "/api-5/export.xlsx", Ct);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        string text = Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("Mã tổ chức,Tổ chức,", text, StringComparison.Ordinal);
        Assert.Contains("Đã hoàn thành", text, StringComparison.Ordinal);
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cells = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text).ToList();
        Assert.Contains("Ngày hoàn thành", cells);
        Assert.Contains("base-2", cells);
    }

    [Fact]
    public async Task Close_ByTheBloc_KeepsTheFinalReportThenAgain409()
    {
        using var client = Host.CreateClient(Host.BlocKey);
        using var _ = await StartAsync(client, "api-6", Body());
        using var whileOpen = await client.GetAsync(CampaignsApi.Path + "/api-6/final-report.xlsx", Ct);

        using var closed = await client.PostAsync(CampaignsApi.Path + "/api-6/close", JsonContent.Create(new { note = "Đủ báo cáo" }), Ct);
        using var twice = await client.PostAsync(CampaignsApi.Path + "/api-6/close", JsonContent.Create(new { note = "" }), Ct);

        var report = await client.GetByteArrayAsync(CampaignsApi.Path + "/api-6/final-report.xlsx", Ct);

        Assert.Equal(HttpStatusCode.NotFound, whileOpen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(report), false);
        Assert.Contains("base-2", sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text));
        Assert.Contains("Chưa thể kết thúc đợt chỉ đạo vì đợt chỉ đạo đang ở trạng thái “đã kết thúc”", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_RowsCarryTheOpenCampaignsCoveringThem()
    {
        using var client = Host.CreateClient(Host.BlocKey);
        using var _ = await StartAsync(client, "api-7", Body("Rà soát quy chế"));

        using var json = JsonDocument.Parse(await client.GetStringAsync(QuyCheWorkflow.Functions.Status.StatusApi.Path, Ct));

        var rows = json.RootElement.GetProperty("organisations").EnumerateArray().ToList();
        var office = rows.Single(r => r.GetProperty("organisationId").GetString() == "duk");
        var filed = rows.Single(r => r.GetProperty("organisationId").GetString() == "base-2");
        Assert.DoesNotContain(office.GetProperty("openCampaigns").EnumerateArray(), c => c.GetProperty("id").GetString() == "api-7");
        var campaign = filed.GetProperty("openCampaigns").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "api-7");
        Assert.Equal("Đã hoàn thành", campaign.GetProperty("stateLabel").GetString());
    }
}
