using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Office;

public sealed class RegulationsApiTests(OfficeAppFixture fixture) : IClassFixture<OfficeAppFixture>
{
    private OfficeTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UploadDraft_Docx_IsStoredAsVersionOneWithItsContentType()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;

        using var response = await client.PostAsync(DraftsPath(organisationId, regulationId), File(TestDocuments.Docx(), "Dự thảo lần 1.pdf"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var draft = Assert.Single(await DraftsAsync(organisationId, regulationId));
        Assert.Equal(1, draft.Number);
        Assert.Equal(DraftVersion.DocxContentType, draft.ContentType);
        Assert.Equal("Dự thảo lần 1.docx", draft.FileName);
    }

    [Fact]
    public async Task UploadDraft_RenamedExecutable_Returns415AndStoresNoDraft()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;
        var before = await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token);

        using var response = await client.PostAsync(DraftsPath(organisationId, regulationId), File(TestDocuments.Executable(), "draft.pdf", "application/pdf"), Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before!.ETag, (await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token))!.ETag);
    }

    [Fact]
    public async Task UploadDraft_OnlyAPdfSignature_Returns422AndStoresNoDraft()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;
        byte[] fake = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\nkhông phải văn bản");

        using var response = await client.PostAsync(DraftsPath(organisationId, regulationId), File(fake, "du-thao.pdf", "application/pdf"), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("không mở được", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Empty(await DraftsAsync(organisationId, regulationId));
    }

    [Fact]
    public async Task UploadDraft_LegacyWordFile_Returns422SayingToSaveAsDocx()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;
        byte[] legacy = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        using var response = await client.PostAsync(DraftsPath(organisationId, regulationId), File(legacy, "du-thao.doc"), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("DOCX", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Empty(await DraftsAsync(organisationId, regulationId));
    }

    [Fact]
    public async Task UploadDraft_OverTheLimit_Returns413AndStoresNoDraft()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;
        var pdf = new byte[OfficeTestApp.MaxUploadBytes + OfficeApiOptions.MultipartOverheadBytes + 1];
        TestDocuments.Pdf().CopyTo(pdf, 0);

        using var response = await client.PostAsync(DraftsPath(organisationId, regulationId), File(pdf, "lon.pdf"), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await DraftsAsync(organisationId, regulationId));
    }

    [Fact]
    public async Task CreateRegulation_SameIdempotencyKeyTwice_RunsOnceAndAnswersTheSame()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var path = RegulationsApi.Path.Replace("{organisationId}", organisation.Id, StringComparison.Ordinal);
        var request = new CreateRegulationRequest(OfficeTestApp.NewId("qc"), "Quy chế làm việc nhiệm kỳ 2025–2030");

        using var first = await Send(client, path, request, "key-1");
        using var second = await Send(client, path, request, "key-1");
        using var third = await client.PostAsJsonAsync(path, request, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        var audit = await App.Services.GetRequiredService<AuditLog>().ReadAsync(request.RegulationId!, Token).ToListAsync(Token);
        Assert.Equal("regulation.created", Assert.Single(audit).Record.Action);
    }

    [Fact]
    public async Task CreateRegulation_SameIdempotencyKeyWithAnotherBody_Answers422AndRunsNothing()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var path = RegulationsApi.Path.Replace("{organisationId}", organisation.Id, StringComparison.Ordinal);
        var request = new CreateRegulationRequest(OfficeTestApp.NewId("qc"), "Quy chế làm việc nhiệm kỳ 2025–2030");
        var other = new CreateRegulationRequest(OfficeTestApp.NewId("qc"), "Quy chế làm việc khác");

        using var first = await Send(client, path, request, "key-2");
        using var reused = await Send(client, path, other, "key-2");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains("yêu cầu có nội dung hoặc địa chỉ khác", await reused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Null(await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisation.Id, other.RegulationId!, Token));
    }

    [Fact]
    public async Task SubmitForVote_WhileDrafting_Answers409InVietnameseWithTheNextStep()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;

        using var response = await client.PostAsJsonAsync(
            RegulationsApi.Path.Replace("{organisationId}", organisationId, StringComparison.Ordinal) + "/" + regulationId + "/vote",
            new DeadlineRequest(DateTimeOffset.UtcNow.AddDays(5)), Token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("Chưa thể đưa dự thảo ra Ban Thường vụ biểu quyết vì quy chế đang ở trạng thái “Đang dự thảo”", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRegulation_ResponseAndItsReplay_CarryEnumsAsNames()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var path = RegulationsApi.Path.Replace("{organisationId}", organisation.Id, StringComparison.Ordinal);
        var request = new CreateRegulationRequest(OfficeTestApp.NewId("qc"), "Quy chế làm việc nhiệm kỳ 2025–2030");

        using var first = await Send(client, path, request, "key-enums");
        using var replay = await Send(client, path, request, "key-enums");

        foreach (var response in new[] { first, replay })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
            Assert.Equal(nameof(RegulationStage.Drafting), body.RootElement.GetProperty("stage").GetString());
            Assert.Equal(nameof(DraftingStage.Drafting), body.RootElement.GetProperty("initialCycle").GetProperty("stage").GetString());
        }

        Assert.Equal(await first.Content.ReadAsStringAsync(Token), await replay.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task UploadDraft_Docx_AnswersTheDraftWithItsSha256AsHexAndNoStoredShape()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;
        var docx = TestDocuments.Docx(regulationId);

        using var response = await client.PostAsync(DraftsPath(organisationId, regulationId), File(docx, "du-thao.docx"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var draft = body.RootElement;
        Assert.Equal(1, draft.GetProperty("number").GetInt32());
        Assert.Equal(ContentHash.Of(docx).ToString(), draft.GetProperty("sha256").GetString());
        Assert.Equal(nameof(DraftOrigin.Upload), draft.GetProperty("origin").GetString());
        Assert.Equal(1, ResponseShape.AssertCallerShaped(draft));
    }

    [Fact]
    public async Task UploadDraft_SameIdempotencyKeyTwice_StoresOneDraftAndAnswersTheSameBody()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;
        var docx = TestDocuments.Docx(regulationId);

        using var first = await SendDraft(client, DraftsPath(organisationId, regulationId), docx, "draft-1");
        using var retry = await SendDraft(client, DraftsPath(organisationId, regulationId), docx, "draft-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        string answer = await first.Content.ReadAsStringAsync(Token);
        Assert.Equal(answer, await retry.Content.ReadAsStringAsync(Token));
        Assert.Contains(ContentHash.Of(docx).ToString(), answer, StringComparison.Ordinal);
        Assert.Single(await DraftsAsync(organisationId, regulationId));
    }

    [Fact]
    public async Task GetRegulation_AfterADraft_AnswersStageTermAndDraftsWithoutStoredBookkeeping()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var owned = client;
        var pdf = TestDocuments.Pdf(regulationId);
        (await client.PostAsync(DraftsPath(organisationId, regulationId), File(pdf, "du-thao.pdf"), Token)).Dispose();

        using var response = await client.GetAsync(RegulationPath(organisationId, regulationId), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var regulation = body.RootElement;
        Assert.Equal(regulationId, regulation.GetProperty("id").GetString());
        Assert.Equal(nameof(RegulationStage.Drafting), regulation.GetProperty("stage").GetString());
        Assert.Equal("2025-2030", regulation.GetProperty("term").GetString());
        Assert.Equal(6, regulation.GetProperty("reviewCadenceMonths").GetInt32());
        var draft = Assert.Single(regulation.GetProperty("initialCycle").GetProperty("drafts").EnumerateArray());
        Assert.Equal(ContentHash.Of(pdf).ToString(), draft.GetProperty("sha256").GetString());
        Assert.Equal(JsonValueKind.Null, regulation.GetProperty("currentIssuance").ValueKind);
        Assert.False(regulation.TryGetProperty("stageAfterIssue", out _));
        Assert.False(regulation.TryGetProperty("reviewSchedule", out _));
        Assert.False(regulation.GetProperty("initialCycle").TryGetProperty("subject", out _));
        Assert.Equal(1, ResponseShape.AssertCallerShaped(regulation));
    }

    [Fact]
    public async Task ConsultationResolutionAndVote_AnswerTheirOwnRecords()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;
        var workflow = App.Services.GetRequiredService<RegulationWorkflow>();
        (await client.PostAsync(DraftsPath(organisationId, regulationId), File(TestDocuments.Docx(regulationId), "du-thao.docx"), Token)).Dispose();
        var deadline = new DateTimeOffset(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(8).ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(7));

        using var opened = await client.PostAsJsonAsync(RegulationPath(organisationId, regulationId) + "/consultation",
            new { recipients = new[] { new { recipientId = "cb-1", name = "Chi bộ Văn phòng", email = "cb1@example.vn" } }, deadline }, Token);
        using var consultation = JsonDocument.Parse(await opened.Content.ReadAsStringAsync(Token));
        await workflow.AnswerConsultationAsync(regulationId, consultation.RootElement.GetProperty("id").GetString()!, "cb-1", false,
            [new CommentInput(2, "Đề nghị bổ sung quy định về chế độ làm việc.")], new Actor("cb-1", "Chi bộ Văn phòng", "test"), Token);
        using var resolved = await client.PostAsJsonAsync(RegulationPath(organisationId, regulationId) + "/comments/cb-1%231/resolution",
            new { outcome = "Accepted", explanation = "Đã tiếp thu." }, Token);
        using var submitted = await client.PostAsJsonAsync(RegulationPath(organisationId, regulationId) + "/vote", new { deadline }, Token);
        using var extended = await client.PostAsJsonAsync(RegulationPath(organisationId, regulationId) + "/vote/deadline", new { deadline = deadline.AddDays(2) }, Token);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var round = consultation.RootElement;
        Assert.Equal(["cb-1"], round.GetProperty("recipientIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Open", round.GetProperty("status").GetString());
        Assert.Equal(deadline, round.GetProperty("deadline").GetDateTimeOffset());
        Assert.Empty(round.GetProperty("answers").EnumerateArray());
        ResponseShape.AssertCallerShaped(round);

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        using var sheet = JsonDocument.Parse(await resolved.Content.ReadAsStringAsync(Token));
        var comment = Assert.Single(sheet.RootElement.GetProperty("comments").EnumerateArray());
        Assert.Equal("cb-1#1", comment.GetProperty("commentId").GetString());
        Assert.Equal(2, comment.GetProperty("article").GetInt32());
        Assert.Equal("Accepted", Assert.Single(sheet.RootElement.GetProperty("resolutions").EnumerateArray()).GetProperty("outcome").GetString());
        Assert.Empty(sheet.RootElement.GetProperty("unresolvedCommentIds").EnumerateArray());
        ResponseShape.AssertCallerShaped(sheet.RootElement);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var vote = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync(Token));
        Assert.Equal("Open", vote.RootElement.GetProperty("status").GetString());
        Assert.Equal(["Secretary", "Member"], vote.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.False(string.IsNullOrEmpty(vote.RootElement.GetProperty("rule").GetString()));
        ResponseShape.AssertCallerShaped(vote.RootElement);

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        using var longer = JsonDocument.Parse(await extended.Content.ReadAsStringAsync(Token));
        var extension = Assert.Single(longer.RootElement.GetProperty("extensions").EnumerateArray());
        Assert.Equal(deadline.AddDays(2), extension.GetProperty("newDeadline").GetDateTimeOffset());
        ResponseShape.AssertCallerShaped(longer.RootElement);
    }

    [Fact]
    public async Task UploadDraft_AnotherOrganisationsKey_Returns404AndStoresNoDraft()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;
        var stranger = await App.SeedAsync(OfficeTestApp.NewId("x"), null);
        using var other = await App.ClientForAsync(ApiRole.Office, stranger.Id);

        using var response = await other.PostAsync(DraftsPath(organisationId, regulationId), File(TestDocuments.Pdf(), "a.pdf"), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await DraftsAsync(organisationId, regulationId));
    }

    [Fact]
    public async Task UploadDraft_TruncatedMultipartBody_Returns400AndStoresNoDraft()
    {
        var (client, organisationId, regulationId) = await CreateRegulationAsync();
        using var _ = client;
        var body = new StringContent("--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 cắt cụt");
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b1");

        using var response = await client.PostAsync(DraftsPath(organisationId, regulationId), body, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("multipart/form-data", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Empty(await DraftsAsync(organisationId, regulationId));
    }

    private async Task<(HttpClient Client, string OrganisationId, string RegulationId)> CreateRegulationAsync()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var regulationId = OfficeTestApp.NewId("qc");
        using var created = await client.PostAsJsonAsync(RegulationsApi.Path.Replace("{organisationId}", organisation.Id, StringComparison.Ordinal),
            new CreateRegulationRequest(regulationId, "Quy chế làm việc của Ban Chấp hành Đảng bộ"), Token);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return (client, organisation.Id, regulationId);
    }

    private static string RegulationPath(string organisationId, string regulationId) =>
        $"/api/organisations/{organisationId}/regulations/{regulationId}";

    private static string DraftsPath(string organisationId, string regulationId) => RegulationPath(organisationId, regulationId) + "/drafts";

    private static MultipartFormDataContent File(byte[] bytes, string fileName, string contentType = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string path, CreateRegulationRequest request, string key)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(request) };
        message.Headers.Add(RegulationsApi.IdempotencyKeyHeader, key);
        return await client.SendAsync(message, Token);
    }

    private static async Task<HttpResponseMessage> SendDraft(HttpClient client, string path, byte[] docx, string key)
    {
        var file = new ByteArrayContent(docx);
        file.Headers.ContentType = new MediaTypeHeaderValue(DraftVersion.DocxContentType);
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            // One boundary, so the retry is byte for byte the same request.
            Content = new MultipartFormDataContent("retry-boundary") { { file, "file", "du-thao.docx" } },
        };
        message.Headers.Add(RegulationsApi.IdempotencyKeyHeader, key);
        return await client.SendAsync(message, Token);
    }

    private async Task<IReadOnlyList<DraftVersion>> DraftsAsync(string organisationId, string regulationId)
    {
        var loaded = await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token);
        return Regulation.FromState(loaded!.Value).InitialCycle.Drafts;
    }
}
