using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using QuyCheWorkflow.Domain.Regulations;
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
            Assert.Equal(nameof(DraftingStage.Drafting), body.RootElement.GetProperty("initialCycle").GetProperty("stage").GetString());
        }
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

    private static string DraftsPath(string organisationId, string regulationId) =>
        $"/api/organisations/{organisationId}/regulations/{regulationId}/drafts";

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

    private async Task<IReadOnlyList<DraftVersion>> DraftsAsync(string organisationId, string regulationId)
    {
        var loaded = await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token);
        return Regulation.FromState(loaded!.Value).InitialCycle.Drafts;
    }
}
