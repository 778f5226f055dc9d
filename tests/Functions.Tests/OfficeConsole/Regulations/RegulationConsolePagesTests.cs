using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.OfficeConsole.Regulations;
using QuyCheWorkflow.Functions.Security;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Regulations;

public sealed class RegulationConsolePagesTests(RegulationConsoleFixture fixture) : IClassFixture<RegulationConsoleFixture>
{
    private RegulationConsoleTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShowHome_OrganisationWithoutRegulation_SaysSoWithCreateButton()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("home"));
        await App.Stores.Status.RefreshAsync(organisation.Id, Token);
        using var client = await App.ClientForAsync(organisation.Id);

        string html = await client.GetStringAsync(ConsolePaths.Home, Token);

        Assert.Contains("Chưa có quy chế làm việc cho nhiệm kỳ", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.NewRegulation(organisation.Id)}\"", html, StringComparison.Ordinal);
        Assert.Contains("Tạo quy chế", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowHome_NotSignedIn_RedirectsToSignIn()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };

        using var response = await client.GetAsync(ConsolePaths.Home, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(ConsolePaths.SignIn, response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRegulation_Blank_Answers303ToTheNewRegulationsPage()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("new"));
        using var client = await App.ClientForAsync(organisation.Id);
        var token = await RegulationConsoleTestApp.AntiforgeryAsync(client, ConsolePaths.NewRegulation(organisation.Id));

        using var response = await client.PostAsync(ConsolePaths.NewRegulation(organisation.Id), Form(token,
            (RegulationConsolePages.TitleField, "Quy chế làm việc nhiệm kỳ 2025 - 2030"), (RegulationConsolePages.StartFromField, "blank")), Token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        string regulationId = RegulationConsolePages.RegulationIdFor(organisation.Id, organisation.CurrentTerm.StartYear, organisation.CurrentTerm.EndYear, 1);
        Assert.StartsWith(ConsolePaths.Regulation(organisation.Id, regulationId), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = await App.Stores.Regulations.GetAsync(organisation.Id, regulationId, Token);
        Assert.Equal("Quy chế làm việc nhiệm kỳ 2025 - 2030", stored!.Value.Title);
    }

    [Fact]
    public async Task CreateRegulation_FromModelWhenNoneApplies_Returns400WithTheReasonBesideTheChoiceAndStoresNothing()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("nomodel"));
        using var client = await App.ClientForAsync(organisation.Id);
        var token = await RegulationConsoleTestApp.AntiforgeryAsync(client, ConsolePaths.NewRegulation(organisation.Id));

        using var response = await client.PostAsync(ConsolePaths.NewRegulation(organisation.Id), Form(token,
            (RegulationConsolePages.TitleField, "Quy chế theo mẫu"), (RegulationConsolePages.StartFromField, "model")), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("id=\"startFrom-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"startFrom-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Quy chế theo mẫu\"", html, StringComparison.Ordinal);
        Assert.Empty(await ListAsync(App.Stores.Regulations.ListByOrganisationAsync(organisation.Id, Token)));
    }

    [Fact]
    public async Task CreateRegulation_WithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("forged"));
        using var client = await App.ClientForAsync(organisation.Id);

        using var response = await client.PostAsync(ConsolePaths.NewRegulation(organisation.Id), new FormUrlEncodedContent(
            [new(RegulationConsolePages.TitleField, "Quy chế"), new(RegulationConsolePages.StartFromField, "blank")]), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await ListAsync(App.Stores.Regulations.ListByOrganisationAsync(organisation.Id, Token)));
    }

    [Fact]
    public async Task ShowRegulation_ClerkOfAnotherOrganisation_Gets404()
    {
        var (organisation, regulationId) = await RegulationWithDraftAsync();
        var other = await App.SeedAsync(OfficeTestApp.NewId("other"));
        using var client = await App.ClientForAsync(other.Id);

        using var page = await client.GetAsync(ConsolePaths.Regulation(organisation.Id, regulationId), Token);
        using var draft = await client.GetAsync(ConsolePaths.Draft(organisation.Id, regulationId, 1), Token);
        using var consultation = await client.GetAsync(ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.ConsultationStep), Token);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, consultation.StatusCode);
    }

    [Fact]
    public async Task ShowRegulation_WithDraft_ShowsItsHashDownloadAndComparisonLinks()
    {
        var (organisation, regulationId) = await RegulationWithDraftAsync();
        using var client = await App.ClientForAsync(organisation.Id);
        var regulation = (await App.Stores.Regulations.GetAsync(organisation.Id, regulationId, Token))!.Value;

        string html = await client.GetStringAsync(ConsolePaths.Regulation(organisation.Id, regulationId), Token);
        using var download = await client.GetAsync(ConsolePaths.Draft(organisation.Id, regulationId, 1), Token);

        Assert.Contains(regulation.InitialCycle.Drafts[0].ContentHash.Value, html, StringComparison.Ordinal);
        Assert.Contains(ConsolePaths.Draft(organisation.Id, regulationId, 1), html, StringComparison.Ordinal);
        Assert.Contains(ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.ComparisonStep) + "?draft=1", html, StringComparison.Ordinal);
        Assert.Contains("Tải lên dự thảo", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(DraftVersion.DocxContentType, download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UploadDraft_NotADocument_Returns400WithTheApisMessageBesideTheFileAndStoresNoDraft()
    {
        var (organisation, regulationId) = await RegulationWithDraftAsync();
        using var client = await App.ClientForAsync(organisation.Id);
        var token = await RegulationConsoleTestApp.AntiforgeryAsync(client, ConsolePaths.Regulation(organisation.Id, regulationId));

        using var response = await client.PostAsync(ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.DraftUploadStep),
            Upload(token, TestDocuments.Executable(), "du-thao.docx"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("id=\"draft-file-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Single((await App.Stores.Regulations.GetAsync(organisation.Id, regulationId, Token))!.Value.InitialCycle.Drafts);
    }

    [Fact]
    public async Task UploadDraft_Docx_Answers303AndAddsVersionTwo()
    {
        var (organisation, regulationId) = await RegulationWithDraftAsync();
        using var client = await App.ClientForAsync(organisation.Id);
        var token = await RegulationConsoleTestApp.AntiforgeryAsync(client, ConsolePaths.Regulation(organisation.Id, regulationId));

        using var response = await client.PostAsync(ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.DraftUploadStep),
            Upload(token, TestDocuments.Docx("Dự thảo lần 2"), "du-thao-2.docx"), Token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(2, (await App.Stores.Regulations.GetAsync(organisation.Id, regulationId, Token))!.Value.InitialCycle.Drafts.Count);
    }

    [Fact]
    public async Task OpenConsultation_BadAddressAndWeekendDeadline_Returns400WithBothMessagesFormRefilledAndNothingOpened()
    {
        var (organisation, regulationId) = await RegulationWithDraftAsync();
        using var client = await App.ClientForAsync(organisation.Id);
        string path = ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.ConsultationStep);
        var token = await RegulationConsoleTestApp.AntiforgeryAsync(client, path);
        var saturday = NextSaturday();

        using var response = await client.PostAsync(path, Form(token,
            (ConsultationForm.MembersField, ConsultationChoices.MemberRecipientId("m2")),
            (ConsultationForm.EmailsField, "congdoan@example.vn\nkhong-phai-dia-chi"),
            (ConsultationForm.DeadlineField, saturday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("“khong-phai-dia-chi” (dòng 2)", html, StringComparison.Ordinal);
        Assert.Contains($"Ngày {saturday:dd/MM/yyyy} là thứ Bảy, không phải ngày làm việc", html, StringComparison.Ordinal);
        Assert.Contains("congdoan@example.vn\nkhong-phai-dia-chi</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"deadline-hint deadline-error\"", html, StringComparison.Ordinal);
        Assert.Matches("value=\"uv-m2\" checked", html);
        Assert.Equal(RegulationStage.Drafting, Regulation.FromState((await App.Stores.Regulations.GetAsync(organisation.Id, regulationId, Token))!.Value).Stage);
    }

    [Fact]
    public async Task OpenConsultation_Valid_Answers303AndOpensTheRoundWithEveryKindOfRecipient()
    {
        var parent = await App.SeedAsync(OfficeTestApp.NewId("parent"));
        var child = await App.SeedAsync(OfficeTestApp.NewId("child"), parent.Id, "Đảng bộ Chi nhánh");
        var (organisation, regulationId) = await RegulationWithDraftAsync(parent);
        using var client = await App.ClientForAsync(organisation.Id);
        string path = ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.ConsultationStep);
        var token = await RegulationConsoleTestApp.AntiforgeryAsync(client, path);
        var deadline = App.Calendar.AddWorkingDays(VietnamTime.DateOf(DateTimeOffset.UtcNow), 5);

        using var response = await client.PostAsync(path, Form(token,
            (ConsultationForm.OrganisationsField, child.Id),
            (ConsultationForm.MembersField, ConsultationChoices.MemberRecipientId("m2")),
            (ConsultationForm.EmailsField, "congdoan@example.vn"),
            (ConsultationForm.DeadlineField, deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), Token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var round = Assert.Single(await ListAsync(App.Stores.Consultations.ListRoundsAsync(regulationId, Token)));
        Assert.Equal([child.Id, "uv-m2", ConsultationForm.EmailRecipientId("congdoan@example.vn")], round.Recipients);
        Assert.Equal(VietnamTime.ToInstant(deadline, ConsultationForm.DeadlineTime), round.Deadline);
        var recipients = await App.Stores.Recipients.ListAsync(regulationId, round.Id, Token);
        Assert.Contains(recipients, r => r.RecipientId == child.Id && r.Email == child.OfficeEmail);
    }

    [Fact]
    public async Task ResolveComments_OneWithoutExplanation_Returns400KeepsTheOtherSavedAndSaysSo()
    {
        var (organisation, regulationId) = await RegulationResolvingAsync();
        using var client = await App.ClientForAsync(organisation.Id);
        string path = ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.ResolutionStep);
        var token = await RegulationConsoleTestApp.AntiforgeryAsync(client, path);
        var sheet = await SheetAsync(regulationId);

        using var response = await client.PostAsync(path, Form(token,
            ("comment-0", sheet.Comments[0].CommentId), ("outcome-0", nameof(ResolutionOutcome.Accepted)), ("explanation-0", "Đã sửa Điều 3 như góp ý."),
            ("comment-1", sheet.Comments[1].CommentId), ("outcome-1", nameof(ResolutionOutcome.NotAccepted)), ("explanation-1", "  ")), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("Đã lưu tiếp thu, giải trình của 1 ý kiến; những ý kiến đó vẫn được giữ nguyên.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-1\"", html, StringComparison.Ordinal);
        Assert.Contains("Cần nội dung giải trình.", html, StringComparison.Ordinal);
        Assert.Contains("Đã sửa Điều 3 như góp ý.</textarea>", html, StringComparison.Ordinal);
        var stored = await SheetAsync(regulationId);
        var saved = Assert.Single(stored.Resolutions);
        Assert.Equal(sheet.Comments[0].CommentId, saved.CommentId);
    }

    [Fact]
    public async Task ResolveComments_All_Answers303AndTheResolutionTableHoldsEveryRow()
    {
        var (organisation, regulationId) = await RegulationResolvingAsync();
        using var client = await App.ClientForAsync(organisation.Id);
        string path = ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.ResolutionStep);
        var token = await RegulationConsoleTestApp.AntiforgeryAsync(client, path);
        var sheet = await SheetAsync(regulationId);

        using var response = await client.PostAsync(path, Form(token,
            ("comment-0", sheet.Comments[0].CommentId), ("outcome-0", nameof(ResolutionOutcome.Accepted)), ("explanation-0", "Đã sửa Điều 3."),
            ("comment-1", sheet.Comments[1].CommentId), ("outcome-1", nameof(ResolutionOutcome.PartlyAccepted)), ("explanation-1", "Bổ sung một phần.")), Token);
        using var docx = await client.GetAsync(ConsolePaths.Regulation(organisation.Id, regulationId, ConsolePaths.ResolutionSheetStep), Token);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(2, (await SheetAsync(regulationId)).Resolutions.Count);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var rows = TableRows(await docx.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(["STT", "Điều", "Nội dung góp ý", "Đơn vị, cá nhân góp ý", "Tiếp thu, giải trình"], rows[0]);
        Assert.Equal(["1", "Điều 3", "Đề nghị sửa Điều 3.", "Đồng chí Trần Thị Bình", "Tiếp thu: Đã sửa Điều 3."], rows[1]);
        Assert.Equal(["2", "Góp ý chung", "Cần thêm một điều về văn phòng.", "Đồng chí Trần Thị Bình", "Tiếp thu một phần: Bổ sung một phần."], rows[2]);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task ApiResolutionSheetDocx_OfficeKey_AnswersTheTableAndAnotherOfficeGets404()
    {
        var (organisation, regulationId) = await RegulationResolvingAsync();
        var other = await App.SeedAsync(OfficeTestApp.NewId("otherapi"));
        using var client = await ApiClientAsync(organisation.Id);
        using var outsider = await ApiClientAsync(other.Id);
        string path = $"/api/organisations/{organisation.Id}/regulations/{regulationId}/resolution-sheet.docx";

        using var response = await client.GetAsync(path, Token);
        using var refused = await outsider.GetAsync(path, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(QuyCheWorkflow.Functions.Office.ResolutionTableDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
        var rows = TableRows(await response.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "Điều 3", "Đề nghị sửa Điều 3.", "Đồng chí Trần Thị Bình", "(chưa tiếp thu, giải trình)"], rows[1]);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task ShowRegulation_Resolving_ShowsTheAnswersAndTheResolutionStepAsNext()
    {
        var (organisation, regulationId) = await RegulationResolvingAsync();
        using var client = await App.ClientForAsync(organisation.Id);

        string html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(ConsolePaths.Regulation(organisation.Id, regulationId), Token));
        string home = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(ConsolePaths.Home, Token));

        Assert.Contains("Tiếp thu, giải trình 2/2 ý kiến còn lại", html, StringComparison.Ordinal);
        Assert.Contains("Đề nghị sửa Điều 3.", html, StringComparison.Ordinal);
        Assert.Contains("Đồng chí Trần Thị Bình", html, StringComparison.Ordinal);
        Assert.Contains("Bắt đầu lấy ý kiến góp ý", html, StringComparison.Ordinal);
        Assert.Contains("Còn 2 ý kiến góp ý chưa tiếp thu, giải trình.", home, StringComparison.Ordinal);
    }

    internal static IReadOnlyList<string[]> TableRows(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains(QuyCheWorkflow.Functions.Office.ResolutionTableDocument.PartyHeading, body.InnerText, StringComparison.Ordinal);
        Assert.Contains(QuyCheWorkflow.Functions.Office.ResolutionTableDocument.Title, body.InnerText, StringComparison.Ordinal);
        var table = body.Elements<Table>().Last();
        return [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())];
    }

    private async Task<(Domain.Organisations.Organisation Organisation, string RegulationId)> RegulationWithDraftAsync(Domain.Organisations.Organisation? organisation = null)
    {
        organisation ??= await App.SeedAsync(OfficeTestApp.NewId("reg"));
        string regulationId = OfficeTestApp.NewId("qc");
        await App.Workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc nhiệm kỳ 2025 - 2030", null, RegulationConsoleTestApp.Clerk, Token);
        await App.Workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(), "du-thao.docx", DraftVersion.DocxContentType, RegulationConsoleTestApp.Clerk, Token);
        return (organisation, regulationId);
    }

    /// <summary>A regulation whose consultation closed with two comments of member m2, none resolved.</summary>
    private async Task<(Domain.Organisations.Organisation Organisation, string RegulationId)> RegulationResolvingAsync()
    {
        var (organisation, regulationId) = await RegulationWithDraftAsync();
        var round = await App.Workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("uv-m2", "Đồng chí Trần Thị Bình", "binh@example.vn")], DateTimeOffset.UtcNow.AddDays(7), RegulationConsoleTestApp.Clerk, Token);
        await App.Workflow.AnswerConsultationAsync(regulationId, round.Id, "uv-m2", false,
            [new CommentInput(3, "Đề nghị sửa Điều 3."), new CommentInput(null, "Cần thêm một điều về văn phòng.")],
            new Actor("uv-m2", "Trần Thị Bình", "link"), Token);
        return (organisation, regulationId);
    }

    private async Task<HttpClient> ApiClientAsync(string organisationId)
    {
        var key = await App.Services.GetRequiredService<ApiKeyStore>().CreateAsync(ApiRole.Office, organisationId, null, Token);
        HttpClient client = new() { BaseAddress = App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("ApiKey", key.Key);
        return client;
    }

    private async Task<ResolutionSheetState> SheetAsync(string regulationId) =>
        Assert.Single(await ListAsync(App.Stores.Consultations.ListSheetsAsync(regulationId, Token)));

    private static DateOnly NextSaturday()
    {
        var day = VietnamTime.DateOf(DateTimeOffset.UtcNow).AddDays(7);
        while (day.DayOfWeek != DayOfWeek.Saturday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static FormUrlEncodedContent Form(KeyValuePair<string, string> token, params (string Name, string Value)[] fields) =>
        new([token, .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private static MultipartFormDataContent Upload(KeyValuePair<string, string> token, byte[] bytes, string fileName)
    {
        MultipartFormDataContent content = new() { { new StringContent(token.Value), token.Key } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("application/octet-stream");
        content.Add(file, RegulationConsolePages.FileField, fileName);
        return content;
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<QuyCheWorkflow.Functions.State.Loaded<T>> rows)
    {
        List<T> list = [];
        await foreach (var row in rows)
        {
            list.Add(row.Value);
        }

        return list;
    }
}
