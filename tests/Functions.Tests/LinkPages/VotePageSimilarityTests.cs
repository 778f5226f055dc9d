using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Documents;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.LinkPages;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.LinkPages;

/// <summary>The committee's vote page says how alike the draft is to the model it started from, or that a scan cannot be compared.</summary>
public sealed class VotePageSimilarityTests(OfficeAppFixture fixture) : IClassFixture<OfficeAppFixture>
{
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng", "test");

    private static readonly string[] s_model =
    [
        "QUY CHẾ LÀM VIỆC MẪU",
        "Điều 1. Phạm vi điều chỉnh", "Quy chế này quy định trách nhiệm, quyền hạn của Ban Chấp hành.",
        "Điều 2. Nhiệm vụ của Ban Thường vụ", "Ban Thường vụ lãnh đạo giữa hai kỳ họp của Ban Chấp hành.",
        "Điều 3. Chế độ họp", "Ban Chấp hành họp thường lệ sáu tháng một lần.",
    ];

    private static readonly string[] s_draft =
    [
        "QUY CHẾ LÀM VIỆC",
        "Điều 1. Phạm vi điều chỉnh", "Quy chế này quy định trách nhiệm, quyền hạn của Ban Chấp hành.",
        "Điều 2. Nhiệm vụ của Ban Thường vụ", "Ban Thường vụ lãnh đạo giữa hai kỳ họp của Ban Chấp hành.",
        "Điều 3. Chế độ họp", "Ban Chấp hành họp thường lệ ba tháng một lần.",
        "Điều 4. Khen thưởng", "Tập thể, cá nhân có thành tích được khen thưởng.",
    ];

    private OfficeTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private RegulationWorkflow Workflow => App.Services.GetRequiredService<RegulationWorkflow>();

    private DateTimeOffset Now => App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    [Fact]
    public async Task Get_DraftStartedFromTheModel_SaysHowAlikeAndHowManyArticlesChanged()
    {
        int expected = RegulationText.Compare(RegulationText.Parse(string.Join('\n', s_draft)), RegulationText.Parse(string.Join('\n', s_model))).SimilarityPercent;

        string html = await VotePageAsync(TestDocuments.DocxParagraphs(s_draft), "Dự thảo.docx", DraftVersion.DocxContentType);

        Assert.InRange(expected, 1, 99);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Dự thảo giống {expected}% quy chế mẫu: 2/4 điều có thay đổi."), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ScannedDraft_SaysItCannotBeCompared()
    {
        string html = await VotePageAsync(TestDocuments.PdfWithoutText(), "Dự thảo.pdf", DraftVersion.PdfContentType);

        Assert.Contains("Dự thảo là bản quét, không đối chiếu được nội dung.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dự thảo giống", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SimilarityText_PreviousTermWithDroppedArticles_NamesTheSourceAndCountsTheDropped()
    {
        RegulationComparison figures = new(94, [
            new ArticleComparison(ArticleChange.Unchanged, 1, 1, 100),
            new ArticleComparison(ArticleChange.Changed, 2, 2, 80),
            new ArticleComparison(ArticleChange.Removed, null, 3, 0),
        ]);

        Assert.Equal("Dự thảo giống 94% quy chế nhiệm kỳ trước: 1/2 điều có thay đổi, 1 điều bị bỏ.",
            VoteLinkPage.SimilarityText(new DraftComparison(DraftOrigin.PreviousTerm, figures)));
        Assert.Null(VoteLinkPage.SimilarityText(null));
    }

    /// <summary>Publishes the model above a new organisation, starts its regulation from it, puts <paramref name="draft"/> to the vote and opens a member's page.</summary>
    private async Task<string> VotePageAsync(byte[] draft, string fileName, string contentType)
    {
        var province = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), province.Id);
        using (var upper = await App.ClientForAsync(ApiRole.UpperLevelOffice, province.Id))
        {
            var file = new ByteArrayContent(TestDocuments.DocxParagraphs(s_model));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using MultipartFormDataContent form = new() { { file, "file", "Quy chế mẫu.docx" }, { new StringContent("Quy chế làm việc mẫu"), "title" } };
            using var published = await upper.PutAsync(
                ModelRegulationsApi.Path.Replace("{organisationId}", province.Id, StringComparison.Ordinal) + "/" + nameof(OrganisationType.Agency), form, Token);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        var regulationId = OfficeTestApp.NewId("qc");
        await Workflow.CreateRegulationFromAsync(organisation.Id, regulationId, "Quy chế làm việc", null, DraftOrigin.Model, s_clerk, Token);
        var uploaded = await Workflow.UploadDraftAsync(organisation.Id, regulationId, draft, fileName, contentType, s_clerk, Token);
        var consultation = await Workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("r1", "Lê Văn Cảnh", "canh@example.vn")], Now.AddDays(7), s_clerk, Token);
        await Workflow.AnswerConsultationAsync(regulationId, consultation.Id, "r1", true, [], s_clerk, Token);
        var vote = await Workflow.SubmitForVoteAsync(organisation.Id, regulationId, Now.AddDays(5), s_clerk, Token);
        string token = App.Services.GetRequiredService<LinkTokenService>().Create(new LinkClaims(
            regulationId, vote.Id, "m2", LinkAction.Vote, uploaded.ContentHash.ToString(), Now.AddDays(6)));
        using var client = new HttpClient { BaseAddress = App.BaseAddress };
        using var response = await client.GetAsync("/l/" + token, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Token);
    }
}
