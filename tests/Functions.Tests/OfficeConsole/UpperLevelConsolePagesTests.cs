using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>The filings inbox and the model regulations pages: their rules over HTTP.</summary>
public sealed class UpperLevelConsolePagesTests(OrganisationsConsoleFixture fixture) : IClassFixture<OrganisationsConsoleFixture>
{
    private OrganisationsConsoleApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FilingStore Filings => App.Services.GetRequiredService<FilingStore>();

    [Fact]
    public async Task Inbox_AFilingFromBelow_IsListedWithItsDocumentAndAcknowledgedFromThePage()
    {
        var (upperId, organisationId, regulationId, filing) = await FiledAsync();
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, upperId);

        using var inbox = await client.GetAsync(ConsolePaths.FilingsInbox, Token);
        using var document = await client.GetAsync(ConsolePaths.FilingDocument(regulationId, filing.Id), Token);
        using var acknowledged = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.FilingsInbox,
            ConsolePaths.Filing(regulationId, filing.Id), ("decision", "acknowledge"));

        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        var html = WebUtility.HtmlDecode(await inbox.Content.ReadAsStringAsync(Token));
        Assert.Contains("Chờ tiếp nhận (1)", html, StringComparison.Ordinal);
        Assert.Contains(filing.DocumentSymbol, html, StringComparison.Ordinal);
        Assert.Contains("Đồng chí Phan Văn Gửi, Văn phòng Đảng ủy ", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.Organisation(organisationId)}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, acknowledged.StatusCode);
        Assert.Equal(FilingStatus.Acknowledged, (await Filings.GetAsync(regulationId, filing.Id, Token))!.Value.Status);
        using var again = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.ModelRegulations,
            ConsolePaths.Filing(regulationId, filing.Id), ("decision", "return"), ("reasons", "Trả lại sau khi đã tiếp nhận"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("role=\"alert\"", await again.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(FilingStatus.Acknowledged, (await Filings.GetAsync(regulationId, filing.Id, Token))!.Value.Status);
        using var after = await client.GetAsync(acknowledged.Headers.Location, Token);
        var afterHtml = WebUtility.HtmlDecode(await after.Content.ReadAsStringAsync(Token));
        Assert.Contains("Chờ tiếp nhận (0)", afterHtml, StringComparison.Ordinal);
        Assert.Contains("Đã xác nhận tiếp nhận lúc", afterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_WithoutReasons_Answers400BesideTheReasonsAndTheFilingStaysSent()
    {
        var (upperId, _, regulationId, filing) = await FiledAsync();
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, upperId);

        using var refused = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.FilingsInbox,
            ConsolePaths.Filing(regulationId, filing.Id), ("decision", "return"), ("reasons", "  \n "));
        using var returned = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.FilingsInbox,
            ConsolePaths.Filing(regulationId, filing.Id), ("decision", "return"), ("reasons", "Bổ sung Điều 5 về chế độ làm việc\nSửa thể thức ký"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Token));
        Assert.Contains("-reasons-loi\">Khi trả lại, đề nghị đồng chí ghi ít nhất một lý do", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, returned.StatusCode);
        var stored = (await Filings.GetAsync(regulationId, filing.Id, Token))!.Value;
        Assert.Equal(FilingStatus.Returned, stored.Status);
        Assert.Equal(["Bổ sung Điều 5 về chế độ làm việc", "Sửa thể thức ký"], stored.ReturnReasons);
    }

    [Fact]
    public async Task Filings_OfficeClerkOrAnotherSubtree_AreRefusedAndNothingChanges()
    {
        var (upperId, organisationId, regulationId, filing) = await FiledAsync();
        var elsewhere = await App.CreateAsync(OrganisationsConsoleApp.NewId("tu"), null);
        using var clerk = await App.ClientForAsync(ApiRole.Office, upperId);
        using var stranger = await App.ClientForAsync(ApiRole.UpperLevelOffice, elsewhere.Id);
        using var filer = await App.ClientForAsync(ApiRole.UpperLevelOffice, organisationId);

        using var clerkInbox = await clerk.GetAsync(ConsolePaths.FilingsInbox, Token);
        using var strangerDocument = await stranger.GetAsync(ConsolePaths.FilingDocument(regulationId, filing.Id), Token);
        // Their inboxes hold no form for this filing: the token comes from another form of theirs.
        using var strangerAnswer = await OrganisationsConsoleApp.PostFormAsync(stranger, ConsolePaths.ModelRegulations,
            ConsolePaths.Filing(regulationId, filing.Id), ("decision", "acknowledge"));
        using var ownAnswer = await OrganisationsConsoleApp.PostFormAsync(filer, ConsolePaths.ModelRegulations,
            ConsolePaths.Filing(regulationId, filing.Id), ("decision", "acknowledge"));

        Assert.Equal(HttpStatusCode.Forbidden, clerkInbox.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerDocument.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ownAnswer.StatusCode);
        Assert.Equal(FilingStatus.Sent, (await Filings.GetAsync(regulationId, filing.Id, Token))!.Value.Status);
    }

    [Fact]
    public async Task PublishModel_WithoutFileThenWithOne_RefusesBesideTheFileThenPublishesWithItsHash()
    {
        var upper = await App.CreateAsync(OrganisationsConsoleApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, upper.Id);
        var models = App.Services.GetRequiredService<ModelRegulationStore>();
        var docx = TestDocuments.Docx("Quy chế mẫu " + upper.Id);

        using var refused = await OrganisationsConsoleApp.PostMultipartAsync(client, ConsolePaths.ModelRegulations, ConsolePaths.ModelRegulations,
            new MultipartFormDataContent { { new StringContent("Agency"), "type" }, { new StringContent("Quy chế mẫu khối cơ quan") , "title" } });
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var published = await OrganisationsConsoleApp.PostMultipartAsync(client, ConsolePaths.ModelRegulations, ConsolePaths.ModelRegulations,
            new MultipartFormDataContent { { new StringContent("Agency"), "type" }, { new StringContent("Quy chế mẫu khối cơ quan"), "title" }, { file, "file", "Mau.docx" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Token));
        Assert.Contains("id=\"mau-file-loi\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Quy chế mẫu khối cơ quan\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
        var model = (await models.GetAsync(upper.Id, OrganisationType.Agency, Token))!.Value;
        Assert.Equal("Quy chế mẫu khối cơ quan", model.Title);
        using var page = await client.GetAsync(ConsolePaths.ModelRegulations, Token);
        var shown = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Token));
        Assert.Contains(QuyCheWorkflow.Domain.ContentHash.Of(docx).ToString(), shown, StringComparison.Ordinal);
        Assert.Equal("Lê Thị Thư", model.PublishedBy);
        Assert.Contains("<dd>Lê Thị Thư</dd>", shown, StringComparison.Ordinal);
        using var download = await client.GetAsync(ConsolePaths.ModelRegulationFile(OrganisationType.Agency, 1), Token);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task ModelRegulations_OfficeClerk_Answers403AndPublishesNothing()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);

        using var page = await client.GetAsync(ConsolePaths.ModelRegulations, Token);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Empty(await App.Services.GetRequiredService<ModelRegulationStore>().ListCurrentAsync(organisation.Id, Token));
    }

    private async Task<(string UpperId, string OrganisationId, string RegulationId, FilingState Filing)> FiledAsync()
    {
        var upper = await App.CreateAsync(OrganisationsConsoleApp.NewId("tu"), null);
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), upper.Id);
        var workflow = App.Services.GetRequiredService<RegulationWorkflow>();
        var clerk = OrganisationsConsoleApp.Clerk;
        var regulationId = OrganisationsConsoleApp.NewId("qc");
        await workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc nhiệm kỳ 2025–2030", null, clerk, Token);
        await workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(regulationId), "Dự thảo.docx", DraftVersion.DocxContentType, clerk, Token);
        var consultation = await workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("r1", "Lê Văn Cảnh", "canh@example.vn")], DateTimeOffset.UtcNow.AddDays(7), clerk, Token);
        await workflow.AnswerConsultationAsync(regulationId, consultation.Id, "r1", true, [], clerk, Token);
        var vote = await workflow.SubmitForVoteAsync(organisation.Id, regulationId, DateTimeOffset.UtcNow.AddDays(5), clerk, Token);
        await workflow.CastBallotAsync(regulationId, vote.Id, "m1", VoteChoice.Agree, null, clerk, Token);
        await workflow.CastBallotAsync(regulationId, vote.Id, "m2", VoteChoice.Agree, null, clerk, Token);
        var today = VietnamTime.DateOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        await workflow.IssueAsync(organisation.Id, regulationId, today, "m1", null, clerk, Token);
        var filer = await App.AccountAsync(ApiRole.Office, organisation.Id, "Phan Văn Gửi");
        var filing = await workflow.FileAsync(organisation.Id, regulationId, new Actor(filer.Id, filer.FullName, "console"), Token);
        return (upper.Id, organisation.Id, regulationId, filing);
    }
}
