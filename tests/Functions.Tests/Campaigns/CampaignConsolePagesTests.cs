using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Campaigns;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Functions.Tests.OfficeConsole;
using QuyCheWorkflow.Functions.Tests.Status;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Tests.Campaigns;

/// <summary>
/// The campaign pages of the console over the seeded status tree (bloc "duk" → base-1 voting, base-2 issued and filed,
/// base-3 nothing; district "huyen" beside it), 15 October 2026: starting, reading, exporting and closing, by the bloc's
/// office, another upper level's office and clerks.
/// </summary>
public sealed class CampaignConsolePagesTests(StatusHostFixture fixture) : IClassFixture<StatusHostFixture>
{
    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CampaignStore Campaigns => Host.Get<CampaignStore>();

    [Fact]
    public async Task Start_DeadlinePassed_AnswersTheFormRefilledWithTheMessageBesideTheDeadlineAndStoresNothing()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Ct);
        var file = TestDocuments.Docx("Công văn 201-CV/ĐUK về quy chế làm việc");
        var (requestId, fields) = await NewFormAsync(client, "Đợt hạn đã qua", deadline: "2026-10-01");

        using var refused = await PostStartAsync(client, fields, file);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"dot-deadline-loi\">Hạn hoàn thành ngày 01/10/2026 phải sau hôm nay", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Đợt hạn đã qua\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"201-CV/ĐUK\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{requestId}\"", html, StringComparison.Ordinal);
        Assert.Null(await Campaigns.GetAsync(requestId, Ct));
        Assert.Null(await Host.Get<DocumentStore>().DownloadAsync(ContentHash.Of(file), Ct));
    }

    [Fact]
    public async Task Start_BadReminderDaysAndFileWithoutNumber_RefusesEachBesideItsField()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Ct);
        var (requestId, fields) = await NewFormAsync(client, "Đợt nhắc sai", reminderDays: "30, bảy", documentNumber: "", documentDate: "");

        using var refused = await PostStartAsync(client, fields, TestDocuments.Pdf("Cong van"));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"dot-reminderDays-loi\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"dot-documentNumber-loi\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"30, bảy\"", html, StringComparison.Ordinal);
        Assert.Null(await Campaigns.GetAsync(requestId, Ct));
    }

    [Fact]
    public async Task Start_SentTwice_StartsOneCampaignWhoseDirectingDocumentDownloads()
    {
        using var client = await Host.SignInAsync(Host.BlocPerson, Ct);
        var file = TestDocuments.Docx("Công văn 202-CV/ĐUK");
        var (requestId, fields) = await NewFormAsync(client, "Đợt gửi hai lần", documentNumber: "202-CV/ĐUK");

        using var first = await PostStartAsync(client, fields, file);
        using var second = await PostStartAsync(client, fields, file);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(ConsolePaths.Campaign(requestId), Ct));
        using var download = await client.GetAsync(ConsolePaths.CampaignDocument(requestId), Ct);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(ConsolePaths.Campaigns, Ct));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.StartsWith(ConsolePaths.Campaign(requestId), first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = (await Campaigns.GetAsync(requestId, Ct))!.Value;
        Assert.Equal(new DirectingDocument("202-CV/ĐUK", new DateOnly(2026, 10, 10), ContentHash.Of(file).ToString()), stored.DirectingDocument);
        Assert.Equal(1, (await Campaigns.ListAsync(Ct)).Count(c => c.Title == "Đợt gửi hai lần"));
        Assert.Contains("Số 202-CV/ĐUK, ngày 10/10/2026", page, StringComparison.Ordinal);
        Assert.Contains("Tải văn bản chỉ đạo", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(file, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains($"href=\"{ConsolePaths.Campaign(requestId)}\">Đợt gửi hai lần</a>", list, StringComparison.Ordinal);
        Assert.Contains("<dd>1/3 tổ chức</dd>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_CountsLinkToTheirStateAndTheExportsKeepIt()
    {
        var id = await StartAsync("Đợt lọc theo tình trạng");
        using var client = await Host.SignInAsync(Host.BlocPerson, Ct);

        var all = WebUtility.HtmlDecode(await client.GetStringAsync(ConsolePaths.Campaign(id), Ct));
        var done = WebUtility.HtmlDecode(await client.GetStringAsync(ConsolePaths.Campaign(id, nameof(CampaignComplianceState.Done)), Ct));
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(ConsolePaths.CampaignCsv(id, nameof(CampaignComplianceState.Done)), Ct));
        var xlsx = await client.GetByteArrayAsync(ConsolePaths.CampaignXlsx(id), Ct);

        Assert.Contains($"href=\"{ConsolePaths.Campaign(id, "Done")}\"><strong>1</strong> đã hoàn thành</a>", all, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.Campaign(id, "NotStarted")}\"><strong>1</strong> chưa triển khai</a>", all, StringComparison.Ordinal);
        Assert.Contains("Đảng ủy base-3", all, StringComparison.Ordinal);
        Assert.Contains("Đảng ủy base-2", done, StringComparison.Ordinal);
        Assert.DoesNotContain("Đảng ủy base-3", done, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"true\"><strong>1</strong> đã hoàn thành", done, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.CampaignCsv(id, "Done")}\"", done, StringComparison.Ordinal);
        Assert.Contains("Đã hoàn thành", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("base-3", csv, StringComparison.Ordinal);
        Assert.Contains("base-3", SheetTexts(xlsx));
    }

    [Fact]
    public async Task Page_WaveInTheLedger_IsListedWithItsCounts()
    {
        var id = await StartAsync("Đợt có nhắc");
        var ledger = Host.Get<CampaignNoticeLedger>();
        var wave = new CampaignWave("before-30", CampaignWaveKind.Reminder, new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), 30, 0);
        await ledger.PlanWaveAsync(id, wave, members: 3, planned: 2, Ct);
        await ledger.CompleteWaveAsync(id, wave, new CampaignWaveTally(Sent: 4, Uncertain: 0, Organisations: 2), skipped: 0, Ct);
        using var client = await Host.SignInAsync(Host.BlocPerson, Ct);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(ConsolePaths.Campaign(id), Ct));

        Assert.Contains("Các đợt nhắc đã gửi", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\" data-label=\"Đợt nhắc\">Nhắc trước hạn 30 ngày</th>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Thời điểm\">08:00 ngày 01/12/2026</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Tổ chức cần nhắc\">2/3</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Thư đã gửi\">4</td>", page, StringComparison.Ordinal);
        Assert.Contains("Đã gửi xong lúc", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"</section>\s*}", page);
    }

    [Fact]
    public async Task AnotherUpperLevelsOffice_GetsNotFoundEverywhere()
    {
        var id = await StartAsync("Đợt của khối");
        var district = await ConsoleAccounts.CreateAsync(Host.App.Services, "huyen", ApiRole.UpperLevelOffice, "Phạm Văn Huyện", cancellationToken: Ct);
        using var client = await Host.SignInAsync(district, Ct);

        using var page = await client.GetAsync(ConsolePaths.Campaign(id), Ct);
        using var csv = await client.GetAsync(ConsolePaths.CampaignCsv(id), Ct);
        using var close = await client.PostFormAsync(ConsolePaths.Campaigns, [new("confirm", "true")], ConsolePaths.CampaignClose(id), Ct);
        var list = await client.GetStringAsync(ConsolePaths.Campaigns, Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        Assert.DoesNotContain(ConsolePaths.Campaign(id), list, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Open, (await Campaigns.GetAsync(id, Ct))!.Value.State);
    }

    [Fact]
    public async Task CoveredClerk_SeesItsOwnPartReadOnlyAndCannotStartOrClose()
    {
        var id = await StartAsync("Đợt cho cơ sở");
        var clerk = await ConsoleAccounts.CreateAsync(Host.App.Services, "base-1", ApiRole.Office, "Đỗ Thị Cơ Sở", cancellationToken: Ct);
        using var client = await Host.SignInAsync(clerk, Ct);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(ConsolePaths.Campaign(id), Ct));
        using var newForm = await client.GetAsync(ConsolePaths.NewCampaign, Ct);
        using var start = await client.PostFormAsync(ConsolePaths.Campaign(id), [new("title", "Đợt của văn thư")], ConsolePaths.NewCampaign, Ct);
        using var close = await client.PostFormAsync(ConsolePaths.Campaign(id), [new("confirm", "true")], ConsolePaths.CampaignClose(id), Ct);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(ConsolePaths.Campaigns, Ct));
        using var api = Host.CreateClient(await Host.CreateKeyAsync(ApiRole.Office, "base-1", Ct));
        var json = await api.GetStringAsync(CampaignsApi.Path + "/" + id, Ct);

        Assert.Contains("Đảng ủy base-1", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Đảng ủy base-3", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Kết thúc đợt</button>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Các đợt nhắc đã gửi", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, newForm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Contains(ConsolePaths.Campaign(id), list, StringComparison.Ordinal);
        Assert.DoesNotContain("Mở đợt chỉ đạo mới", list, StringComparison.Ordinal);
        Assert.Contains("\"organisationId\":\"base-1\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"organisationId\":\"base-3\"", json, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Open, (await Campaigns.GetAsync(id, Ct))!.Value.State);
    }

    [Fact]
    public async Task CloseEarly_WithoutThenWithConfirmation_ClosesAndOffersTheFinalReport()
    {
        var id = await StartAsync("Đợt kết thúc sớm");
        using var client = await Host.SignInAsync(Host.BlocPerson, Ct);

        using var unconfirmed = await client.PostFormAsync(ConsolePaths.Campaign(id), [new("note", "Đã đủ báo cáo")], ConsolePaths.CampaignClose(id), Ct);
        var refusedHtml = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync(Ct));
        using var closed = await client.PostFormAsync(ConsolePaths.Campaign(id), [new("note", "Đã đủ báo cáo"), new("confirm", "true")], ConsolePaths.CampaignClose(id), Ct);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(closed.Headers.Location!.OriginalString, Ct));
        var report = await client.GetByteArrayAsync(ConsolePaths.CampaignFinalReport(id), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("id=\"ket-thuc-confirm-loi\">Đề nghị đánh dấu xác nhận", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(">Đã đủ báo cáo</textarea>", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, closed.StatusCode);
        Assert.Contains("Đã kết thúc đợt chỉ đạo; báo cáo kết thúc đợt đã được lưu.", page, StringComparison.Ordinal);
        Assert.Contains("<dd>Văn phòng kết thúc đợt</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>Đã đủ báo cáo</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.CampaignFinalReport(id)}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Kết thúc đợt</button>", page, StringComparison.Ordinal);
        var texts = SheetTexts(report);
        Assert.Contains("Lấy ý kiến hình thức", texts);
        Assert.Contains("base-2", texts);
        Assert.Equal(CampaignCloseReason.ClosedByOffice, (await Campaigns.GetAsync(id, Ct))!.Value.CloseReason);
    }

    private async Task<string> StartAsync(string title) =>
        (await CampaignSeeds.StartAsync(Host.App.Services, "duk", "con-" + Guid.NewGuid().ToString("N")[..12], title, new DateOnly(2026, 12, 31), Ct)).Id;

    private static async Task<(string RequestId, Dictionary<string, string> Fields)> NewFormAsync(HttpClient client, string title,
        string deadline = "2026-12-31", string reminderDays = "30, 7, 1", string documentNumber = "201-CV/ĐUK", string documentDate = "2026-10-10")
    {
        var html = await client.GetStringAsync(ConsolePaths.NewCampaign, Ct);
        string requestId = ConsoleForms.InputValue(html, CampaignStartForm.RequestIdField)!;
        return (requestId, new Dictionary<string, string>
        {
            [WebServiceCollectionExtensions.AntiforgeryFieldName] = ConsoleForms.AntiforgeryToken(html),
            [CampaignStartForm.RequestIdField] = requestId,
            [CampaignStartForm.TitleField] = title,
            [CampaignStartForm.RequirementField] = nameof(CampaignRequirementKind.IssueForCurrentTerm),
            [CampaignStartForm.DeadlineField] = deadline,
            [CampaignStartForm.ReminderDaysField] = reminderDays,
            [CampaignStartForm.DocumentNumberField] = documentNumber,
            [CampaignStartForm.DocumentDateField] = documentDate,
        });
    }

    private static async Task<HttpResponseMessage> PostStartAsync(HttpClient client, Dictionary<string, string> fields, byte[]? file)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, CampaignStartForm.DocumentFileField, "Cong van.docx");
        }

        return await client.PostAsync(ConsolePaths.NewCampaign, content, Ct);
    }

    private static List<string> SheetTexts(byte[] xlsx)
    {
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return [.. sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text)];
    }
}
