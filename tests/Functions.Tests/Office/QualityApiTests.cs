using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>The quality thresholds an upper level sets through the organisation API, and a consultation round's quality in the API.</summary>
public sealed class QualityApiTests(OfficeAppFixture fixture) : IClassFixture<OfficeAppFixture>
{
    private static readonly JsonSerializerOptions s_http = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly Actor s_clerk = new("van-phong", "Văn phòng", "test");

    private OfficeTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpdateOrganisation_QualityThresholds_AreSetFigureByFigureRefusedOutOfRangeAndCleared()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        string path = $"{OrganisationsApi.Path}/{root.Id}";

        using var set = await client.PatchAsJsonAsync(path, new { qualityThresholds = new { copiedFromPreviousTermPercent = 80 } }, Token);
        using var more = await client.PatchAsJsonAsync(path, new { qualityThresholds = new { formalBareAgreementPercent = 95 } }, Token);
        using var refused = await client.PatchAsJsonAsync(path, new { qualityThresholds = new { formalResponseRatePercent = 0 } }, Token);
        var afterRefusal = (await App.Organisations.GetAsync(root.Id, Token))!.Value.QualityThresholds;
        using var cleared = await client.PatchAsJsonAsync(path, new { qualityThresholds = new { clear = true } }, Token);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(new QualityThresholdsResponse(80, 50, 90), (await set.Content.ReadFromJsonAsync<OrganisationResponse>(Token))!.QualityThresholds);
        Assert.Equal(new QualityThresholdsResponse(80, 50, 95), (await more.Content.ReadFromJsonAsync<OrganisationResponse>(Token))!.QualityThresholds);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("qualityThresholds.formalResponseRatePercent", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(new QualityThresholds(80, 50, 95), afterRefusal);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Null((await cleared.Content.ReadFromJsonAsync<OrganisationResponse>(Token))!.QualityThresholds);
        Assert.Null((await App.Organisations.GetAsync(root.Id, Token))!.Value.QualityThresholds);
    }

    [Fact]
    public async Task ConsultationRounds_ClosedRound_AnswersItsQualityUnderTheUpperLevelsThresholds()
    {
        var province = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), province.Id);
        await App.Services.GetRequiredService<OrganisationWorkflow>().UpdateAsync(province.Id,
            new OrganisationChanges { QualityThresholds = new(FormalBareAgreementPercent: 50) }, s_clerk, cancellationToken: Token);
        var workflow = App.Services.GetRequiredService<RegulationWorkflow>();
        var regulationId = OfficeTestApp.NewId("qc");
        await workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc", null, s_clerk, Token);
        await workflow.UploadDraftAsync(organisation.Id, regulationId, RegulationSamples.Docx(RegulationSamples.Draft), "Dự thảo.docx",
            DraftVersion.DocxContentType, s_clerk, Token);
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var round = await workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("r1", "Lê Văn Cảnh", "canh@example.vn"), new ConsultationRecipient("r2", "Trần Thị Hoa", "hoa@example.vn")],
            now.AddDays(7), s_clerk, Token);
        await workflow.AnswerConsultationAsync(regulationId, round.Id, "r1", false, [new CommentInput(3, "Đề nghị họp mỗi quý một lần.")], s_clerk, Token);
        await workflow.AnswerConsultationAsync(regulationId, round.Id, "r2", true, [], s_clerk, Token);
        await workflow.ResolveCommentAsync(organisation.Id, regulationId, "r1#1", ResolutionOutcome.PartlyAccepted, "Tiếp thu một phần.", s_clerk, Token);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        using var stranger = await App.ClientForAsync(ApiRole.Office, (await App.SeedAsync(OfficeTestApp.NewId("du"), province.Id)).Id);
        string path = ConsultationRoundsApi.Path.Replace("{organisationId}", organisation.Id, StringComparison.Ordinal)
            .Replace("{regulationId}", regulationId, StringComparison.Ordinal);

        var rounds = await client.GetFromJsonAsync<List<ConsultationRoundResponse>>(path, s_http, Token);
        using var one = await client.GetAsync($"{path}/{round.Id}", Token);
        using var unknown = await client.GetAsync($"{path}/khong-co", Token);
        using var hidden = await stranger.GetAsync(path, Token);

        var quality = Assert.Single(rounds!).Quality!;
        Assert.Equal((2, 2, 100), (quality.RecipientCount, quality.AnswerCount, quality.ResponseRatePercent));
        Assert.Equal((1, 50), (quality.BareAgreementCount, quality.BareAgreementPercent));
        Assert.Equal([new ArticleCommentsResponse(3, 1)], quality.CommentsPerArticle);
        Assert.Equal([1, 2, 4, 5, 6], quality.ArticlesWithoutComments!);
        Assert.Equal((1, 100, 0), (quality.PartlyAcceptedCount, quality.PartlyAcceptedPercent, quality.UnresolvedCount));
        Assert.True(quality.IsFormal);
        Assert.Equal([FormalityReason.BareAgreements], quality.FormalReasons);
        Assert.Equal(new QualityThresholdsResponse(90, 50, 50), quality.Thresholds);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using var json = JsonDocument.Parse(await one.Content.ReadAsStringAsync(Token));
        Assert.Equal("BareAgreements", json.RootElement.GetProperty("quality").GetProperty("formalReasons")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
