using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.Office;

public sealed class ModelRegulationsApiTests(OfficeAppFixture fixture) : IClassFixture<OfficeAppFixture>
{
    private const string PreviousTermWarning = "Dự thảo chưa thay đổi so với quy chế nhiệm kỳ trước";
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng Đảng ủy", "api 127.0.0.1");
    private static readonly string[] s_createdFromSource = ["regulation.created", "draft.uploaded"];
    private OfficeTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateRegulation_FromModelPublishedByUpperLevel_FirstDraftIsTheModelAndItsFileDownloads()
    {
        var province = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var baseOrganisation = await App.SeedAsync(OfficeTestApp.NewId("du"), province.Id);
        using var upper = await App.ClientForAsync(ApiRole.UpperLevelOffice, province.Id);
        using var office = await App.ClientForAsync(ApiRole.Office, baseOrganisation.Id);
        var model = TestDocuments.Docx("Quy chế mẫu cho đảng bộ cơ quan");
        using var published = await upper.PutAsync(ModelPath(province.Id, "Agency"), ModelForm(model, "Quy chế mẫu.docx", "Quy chế làm việc mẫu"), Token);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var regulationId = OfficeTestApp.NewId("qc");

        using var created = await office.PostAsJsonAsync(RegulationsPath(baseOrganisation.Id),
            new CreateRegulationRequest(regulationId, "Quy chế làm việc nhiệm kỳ 2025–2030", "model"), Token);
        using var download = await office.GetAsync(ModelPath(baseOrganisation.Id, "Agency") + "/file", Token);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var draft = Assert.Single(await DraftsAsync(baseOrganisation.Id, regulationId));
        Assert.Equal(ContentHash.Of(model), draft.ContentHash);
        Assert.Equal(DraftOrigin.Model, draft.Origin);
        Assert.Equal($"{province.Id}:Agency:1", draft.SourceId);
        Assert.Equal("Quy chế mẫu.docx", draft.FileName);
        Assert.Equal(DraftVersion.DocxContentType, draft.ContentType);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(model, await download.Content.ReadAsByteArrayAsync(Token));
        var audit = await App.Services.GetRequiredService<AuditLog>().ReadAsync(regulationId, Token).ToListAsync(Token);
        Assert.Equal(s_createdFromSource, audit.Select(a => a.Record.Action));
        Assert.All(audit, a => Assert.Contains("\"origin\":\"Model\"", a.Record.DetailsJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateRegulation_FromModelWithModelsAtTwoLevels_TakesTheNearestAncestors()
    {
        var province = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var bloc = await App.SeedAsync(OfficeTestApp.NewId("duk"), province.Id);
        var baseOrganisation = await App.SeedAsync(OfficeTestApp.NewId("du"), bloc.Id);
        using var provinceOffice = await App.ClientForAsync(ApiRole.UpperLevelOffice, province.Id);
        using var blocOffice = await App.ClientForAsync(ApiRole.UpperLevelOffice, bloc.Id);
        using var office = await App.ClientForAsync(ApiRole.Office, baseOrganisation.Id);
        var blocModel = TestDocuments.Pdf("Quy che mau cua Dang uy Khoi");
        (await provinceOffice.PutAsync(ModelPath(province.Id, "Agency"), ModelForm(TestDocuments.Docx("Mẫu của Tỉnh ủy"), "tinh.docx", "Mẫu của Tỉnh ủy"), Token)).Dispose();
        (await blocOffice.PutAsync(ModelPath(bloc.Id, "Agency"), ModelForm(blocModel, "khoi.pdf", "Mẫu của Đảng ủy Khối"), Token)).Dispose();
        var regulationId = OfficeTestApp.NewId("qc");

        using var created = await office.PostAsJsonAsync(RegulationsPath(baseOrganisation.Id),
            new CreateRegulationRequest(regulationId, "Quy chế làm việc", "model"), Token);
        var inEffect = await office.GetFromJsonAsync<JsonElement>(ModelsPath(baseOrganisation.Id), Token);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(ContentHash.Of(blocModel), Assert.Single(await DraftsAsync(baseOrganisation.Id, regulationId)).ContentHash);
        var listed = Assert.Single(inEffect.EnumerateArray());
        Assert.Equal(bloc.Id, listed.GetProperty("publisherOrganisationId").GetString());
        Assert.Equal(ContentHash.Of(blocModel).ToString(), listed.GetProperty("sha256").GetString());
        Assert.Equal(1, ResponseShape.AssertCallerShaped(listed));
        Assert.Equal("Mẫu của Đảng ủy Khối", listed.GetProperty("title").GetString());
    }

    [Fact]
    public async Task PublishModelRegulation_AgainWithAnotherFile_ReplacesItKeepsHistoryAndAuditsEach()
    {
        var province = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var upper = await App.ClientForAsync(ApiRole.UpperLevelOffice, province.Id);
        var first = TestDocuments.Docx("Bản mẫu 1");
        var second = TestDocuments.Docx("Bản mẫu 2");
        (await upper.PutAsync(ModelPath(province.Id, "Commune"), ModelForm(first, "mau.docx", "Quy chế mẫu xã"), Token)).Dispose();

        using var replaced = await upper.PutAsync(ModelPath(province.Id, "Commune"), ModelForm(second, "mau.docx", "Quy chế mẫu xã"), Token);
        using var repeated = await upper.PutAsync(ModelPath(province.Id, "Commune"), ModelForm(second, "mau.docx", "Quy chế mẫu xã"), Token);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(2, (await repeated.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("version").GetInt32());
        var store = App.Services.GetRequiredService<ModelRegulationStore>();
        var current = (await store.GetAsync(province.Id, OrganisationType.Commune, Token))!.Value;
        Assert.Equal(ContentHash.Of(second), current.ContentHash);
        var history = await store.ListHistoryAsync(province.Id, OrganisationType.Commune, Token);
        Assert.Equal(new[] { ContentHash.Of(first), ContentHash.Of(second) }, history.Select(h => h.ContentHash));
        var audit = await App.Services.GetRequiredService<AuditLog>().ReadAsync(province.Id, Token).ToListAsync(Token);
        var publications = audit.Where(a => a.Record.Action == "model-regulation.published").ToList();
        Assert.Equal(new[] { ContentHash.Of(first).ToString(), ContentHash.Of(second).ToString() }, publications.Select(a => a.Record.SubjectIds[^1]));
    }

    [Fact]
    public async Task PublishModelRegulation_OfficeRoleKey_Returns403AndStoresNothing()
    {
        var province = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var office = await App.ClientForAsync(ApiRole.Office, province.Id);

        using var response = await office.PutAsync(ModelPath(province.Id, "Agency"), ModelForm(TestDocuments.Docx(), "mau.docx", "Quy chế mẫu"), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await App.Services.GetRequiredService<ModelRegulationStore>().GetAsync(province.Id, OrganisationType.Agency, Token));
    }

    [Fact]
    public async Task PublishModelRegulation_RenamedExecutable_Returns415AndStoresNothing()
    {
        var province = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var upper = await App.ClientForAsync(ApiRole.UpperLevelOffice, province.Id);
        var executable = TestDocuments.Executable();

        using var response = await upper.PutAsync(ModelPath(province.Id, "Agency"), ModelForm(executable, "mau.docx", "Quy chế mẫu"), Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await App.Services.GetRequiredService<ModelRegulationStore>().GetAsync(province.Id, OrganisationType.Agency, Token));
        Assert.Null(await App.Services.GetRequiredService<DocumentStore>().DownloadAsync(ContentHash.Of(executable), Token));
    }

    [Fact]
    public async Task CreateRegulation_FromModelWhenNoneIsPublished_Returns409StoresNothingAndTheSameKeyWorksOnceOneIs()
    {
        var province = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var baseOrganisation = await App.SeedAsync(OfficeTestApp.NewId("du"), province.Id);
        using var office = await App.ClientForAsync(ApiRole.Office, baseOrganisation.Id);
        using var upper = await App.ClientForAsync(ApiRole.UpperLevelOffice, province.Id);
        CreateRegulationRequest request = new(OfficeTestApp.NewId("qc"), "Quy chế làm việc", "model");

        using var refused = await SendAsync(office, RegulationsPath(baseOrganisation.Id), request, "tao-tu-mau");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Token);
        bool storedAfterRefusal = await App.Services.GetRequiredService<RegulationStore>().GetAsync(baseOrganisation.Id, request.RegulationId!, Token) is not null;
        (await upper.PutAsync(ModelPath(province.Id, "Agency"), ModelForm(TestDocuments.Docx(), "mau.docx", "Quy chế mẫu"), Token)).Dispose();
        using var retried = await SendAsync(office, RegulationsPath(baseOrganisation.Id), request, "tao-tu-mau");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("chưa ban hành quy chế mẫu", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(storedAfterRefusal);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(DraftOrigin.Model, Assert.Single(await DraftsAsync(baseOrganisation.Id, request.RegulationId!)).Origin);
    }

    [Fact]
    public async Task CreateRegulation_FromPreviousTermWithoutIssuedRegulation_Returns409AndStoresNothing()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        using var office = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var regulationId = OfficeTestApp.NewId("qc");

        using var response = await office.PostAsJsonAsync(RegulationsPath(organisation.Id),
            new CreateRegulationRequest(regulationId, "Quy chế làm việc", "previousTerm"), Token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null(await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisation.Id, regulationId, Token));
        Assert.Null(await App.Services.GetRequiredService<RegulationWorkflow>().FindOrganisationIdAsync(regulationId, Token));
    }

    [Fact]
    public async Task CreateRegulation_UnknownStartFrom_Returns400()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        using var office = await App.ClientForAsync(ApiRole.Office, organisation.Id);

        using var response = await office.PostAsJsonAsync(RegulationsPath(organisation.Id),
            new CreateRegulationRequest(OfficeTestApp.NewId("qc"), "Quy chế làm việc", "copy"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreateRegulation_FromPreviousTermAfterNewTerm_FirstDraftIsTheIssuedTextAndUnchangedIsFlaggedUntilChanged()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        using var office = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var previousId = OfficeTestApp.NewId("qc");
        var issuedText = TestDocuments.Docx("Quy chế làm việc nhiệm kỳ 2025–2030, bản ban hành");
        await IssueAsync(organisation.Id, previousId, issuedText);
        using var newTerm = await office.PostAsJsonAsync($"{OrganisationsApi.Path}/{organisation.Id}/terms", new CommitteeRequest("2030-2035", [
            new CommitteeMemberRequest("m1", "Nguyễn Văn Ân", "an@example.vn", "Secretary"),
            new CommitteeMemberRequest("m2", "Trần Thị Bình", "binh@example.vn", "Member"),
        ]), Token);
        Assert.Equal(HttpStatusCode.OK, newTerm.StatusCode);
        var regulationId = OfficeTestApp.NewId("qc");

        using var created = await office.PostAsJsonAsync(RegulationsPath(organisation.Id),
            new CreateRegulationRequest(regulationId, "Quy chế làm việc nhiệm kỳ 2030–2035", "previousTerm"), Token);
        var workflow = App.Services.GetRequiredService<RegulationWorkflow>();
        var round = await workflow.OpenConsultationAsync(organisation.Id, regulationId, [new ConsultationRecipient("r1", "Lê Văn Cường", "cuong@example.vn")],
            Now.AddDays(7), s_clerk, Token);
        string? inConsultation = (await StatusAsync(organisation.Id)).PendingSummary;
        await workflow.AnswerConsultationAsync(regulationId, round.Id, "r1", true, [], s_clerk, Token);
        using var changed = await office.PostAsync($"{RegulationsPath(organisation.Id)}/{regulationId}/drafts",
            ModelForm(TestDocuments.Docx("Quy chế làm việc nhiệm kỳ 2030–2035, đã sửa"), "Dự thảo lần 2.docx", null), Token);
        await workflow.SubmitForVoteAsync(organisation.Id, regulationId, Now.AddDays(5), s_clerk, Token);
        string? inVote = (await StatusAsync(organisation.Id)).PendingSummary;

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var first = (await DraftsAsync(organisation.Id, regulationId))[0];
        Assert.Equal(ContentHash.Of(issuedText), first.ContentHash);
        Assert.Equal(DraftOrigin.PreviousTerm, first.Origin);
        Assert.Equal(previousId, first.SourceId);
        Assert.Equal(PreviousTermWarning + "; 1/1 ý kiến góp ý", inConsultation);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("2/2 phiếu biểu quyết", inVote);
    }

    [Fact]
    public async Task UploadDraft_PreviousTermsIssuedTextUploadedAgain_IsFlaggedInTheVote()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        var previousId = OfficeTestApp.NewId("qc");
        var issuedText = TestDocuments.Docx("Văn bản nhiệm kỳ trước");
        await IssueAsync(organisation.Id, previousId, issuedText);
        var stored = (await App.Organisations.GetAsync(organisation.Id, Token))!;
        await App.Organisations.UpdateAsync(stored.Value.EnterTerm(new Term(2030, 2035), stored.Value.Committee), stored.ETag, Token);
        var regulationId = OfficeTestApp.NewId("qc");

        await IssueAsync(organisation.Id, regulationId, issuedText, stopBeforeVote: true);
        await App.Services.GetRequiredService<RegulationWorkflow>().SubmitForVoteAsync(organisation.Id, regulationId, Now.AddDays(5), s_clerk, Token);

        Assert.Equal(PreviousTermWarning + "; 2/2 phiếu biểu quyết", (await StatusAsync(organisation.Id)).PendingSummary);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheModelRegulationEndpoints()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, organisation.Id);

        var document = await client.GetFromJsonAsync<JsonElement>(OfficeApi.OpenApiPath, Token);

        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty(ModelRegulationsApi.Path).TryGetProperty("get", out _));
        Assert.True(paths.GetProperty(ModelRegulationsApi.Path + "/{type}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty(ModelRegulationsApi.Path + "/{type}/file").TryGetProperty("get", out _));
    }

    /// <summary>Drives a regulation of the current term from an upload of <paramref name="text"/> to issued (or to just before the vote).</summary>
    private async Task IssueAsync(string organisationId, string regulationId, byte[] text, bool stopBeforeVote = false)
    {
        var workflow = App.Services.GetRequiredService<RegulationWorkflow>();
        await workflow.CreateRegulationAsync(organisationId, regulationId, "Quy chế làm việc", null, s_clerk, Token);
        await workflow.UploadDraftAsync(organisationId, regulationId, text, "Quy chế.docx", DraftVersion.DocxContentType, s_clerk, Token);
        var round = await workflow.OpenConsultationAsync(organisationId, regulationId, [new ConsultationRecipient("r1", "Lê Văn Cường", "cuong@example.vn")],
            Now.AddDays(7), s_clerk, Token);
        await workflow.AnswerConsultationAsync(regulationId, round.Id, "r1", true, [], s_clerk, Token);
        if (stopBeforeVote)
        {
            return;
        }

        var vote = await workflow.SubmitForVoteAsync(organisationId, regulationId, Now.AddDays(5), s_clerk, Token);
        await workflow.CastBallotAsync(regulationId, vote.Id, "m1", VoteChoice.Agree, null, s_clerk, Token);
        await workflow.CastBallotAsync(regulationId, vote.Id, "m2", VoteChoice.Agree, null, s_clerk, Token);
        await workflow.IssueAsync(organisationId, regulationId, QuyCheWorkflow.Domain.Calendar.VietnamTime.DateOf(Now), "m1", null, s_clerk, Token);
    }

    private DateTimeOffset Now => App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private async Task<OrganisationStatus> StatusAsync(string organisationId) =>
        (await App.Services.GetRequiredService<StatusProjection>().QuerySubtreeAsync(organisationId, cancellationToken: Token))
            .Single(s => s.OrganisationId == organisationId);

    private async Task<IReadOnlyList<DraftVersion>> DraftsAsync(string organisationId, string regulationId)
    {
        var loaded = await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token);
        return Regulation.FromState(loaded!.Value).InitialCycle.Drafts;
    }

    private static string RegulationsPath(string organisationId) => RegulationsApi.Path.Replace("{organisationId}", organisationId, StringComparison.Ordinal);

    private static string ModelsPath(string organisationId) => ModelRegulationsApi.Path.Replace("{organisationId}", organisationId, StringComparison.Ordinal);

    private static string ModelPath(string organisationId, string type) => ModelsPath(organisationId) + "/" + type;

    private static MultipartFormDataContent ModelForm(byte[] bytes, string fileName, string? title)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        MultipartFormDataContent form = new() { { file, "file", fileName } };
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        return form;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, CreateRegulationRequest request, string key)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(request) };
        message.Headers.Add(RegulationsApi.IdempotencyKeyHeader, key);
        return await client.SendAsync(message, Token);
    }
}
