using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.LinkPages;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;
using QuyCheWorkflow.Functions.Web;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.LinkPages;

/// <summary>
/// The consultation and filing pages behind personal links, through HTTP against the running app: answers the
/// domain refuses come back as the form's 422 with the sentence of the refusal catalogue, and an amendment's filing
/// is answered through its own link.
/// </summary>
public sealed class LinkAnswerPagesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng", "test");
    private OfficeTestApp? _app;

    private OfficeTestApp App => _app!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private RegulationWorkflow Workflow => App.Services.GetRequiredService<RegulationWorkflow>();

    public async ValueTask InitializeAsync() => _app = await OfficeTestApp.StartAsync(azurite.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(ConsultationAnswerForm.CommentsValue, "")]
    [InlineData(ConsultationAnswerForm.AgreeValue, "Đề nghị bổ sung Điều 4.")]
    public async Task Post_ConsultationAnswerThatDoesNotHoldTogether_Answers422WithTheChoicesAndRecordsNothing(string kind, string comment)
    {
        var (regulationId, path) = await InConsultationAsync();
        using var client = NewClient();
        var form = await FormAsync(client, path);

        using var response = await client.PostAsync(path, form.With(
            (ConsultationAnswerForm.KindField, kind), (ConsultationAnswerForm.ArticleField(0), ""), (ConsultationAnswerForm.TextField(0), comment)), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        string html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("Đề nghị đồng chí chọn “Nhất trí, không có ý kiến khác”, hoặc chọn “Có ý kiến góp ý” và ghi ít nhất một ý kiến.", html, StringComparison.Ordinal);
        Assert.Contains("Quay lại biểu mẫu", html, StringComparison.Ordinal);
        Assert.Empty((await App.Services.GetRequiredService<ConsultationStore>().GetRoundAsync(regulationId, "consultation-1", Token))!.Value.Responses);
    }

    [Fact]
    public async Task Post_ConsultationCommentsAfterAReturnedForm_AreRecordedWithTheSameRequestId()
    {
        var (regulationId, path) = await InConsultationAsync();
        using var client = NewClient();
        var form = await FormAsync(client, path);
        using var refused = await client.PostAsync(path, form.With((ConsultationAnswerForm.KindField, ConsultationAnswerForm.CommentsValue)), Token);

        using var response = await client.PostAsync(path, form.With(
            (ConsultationAnswerForm.KindField, ConsultationAnswerForm.CommentsValue), (ConsultationAnswerForm.ArticleField(0), "4"),
            (ConsultationAnswerForm.TextField(0), "Đề nghị bổ sung Điều 4.")), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã ghi nhận ý kiến góp ý của đồng chí.", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var answer = Assert.Single((await App.Services.GetRequiredService<ConsultationStore>().GetRoundAsync(regulationId, "consultation-1", Token))!.Value.Responses);
        Assert.Equal(4, Assert.Single(answer.Comments).Article);
    }

    [Fact]
    public async Task Post_FilingReturnWithoutReasons_Answers422AndAnAcknowledgementIsThenRecorded()
    {
        var filed = await FiledAsync();
        string path = filed.Path("filing-1");
        using var client = NewClient();
        var form = await FormAsync(client, path);

        using var refused = await client.PostAsync(path, form.With(
            (FilingResponseForm.DecisionField, FilingResponseForm.ReturnValue), (FilingResponseForm.ReasonsField, " \n ")), Token);
        using var acknowledged = await client.PostAsync(path, form.With((FilingResponseForm.DecisionField, FilingResponseForm.AcknowledgeValue)), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Khi trả lại, đề nghị đồng chí ghi ít nhất một lý do, yêu cầu sửa đổi, bổ sung.",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Contains("Đã xác nhận tiếp nhận quy chế.", await acknowledged.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(FilingStatus.Acknowledged, (await FilingAsync(filed.RegulationId, "filing-1")).Status);
    }

    [Fact]
    public async Task GetAndPost_AmendmentFilingLink_AcknowledgesTheAmendmentAndTheOriginalLinkIsSuperseded()
    {
        var filed = await FiledAsync();
        await Workflow.ReturnFilingAsync(filed.RegulationId, "filing-1", ["Bổ sung quy định về chế độ thông tin, báo cáo."], s_clerk, Token);
        string originalLink = filed.Path("filing-1");
        await ApproveAsync(filed.OrganisationId, filed.RegulationId, "v2");
        await Workflow.IssueAsync(filed.OrganisationId, filed.RegulationId, Today(), "m1", null, s_clerk, Token);
        var amendmentFiling = await Workflow.FileAsync(filed.OrganisationId, filed.RegulationId, s_clerk, Token);
        var regulation = (await App.Services.GetRequiredService<RegulationStore>().GetAsync(filed.OrganisationId, filed.RegulationId, Token))!.Value;
        string amendmentLink = (filed with { DocumentHash = regulation.CurrentIssuance!.FinalDocumentHash.ToString() }).Path(amendmentFiling.Id);
        using var client = NewClient();

        using var shown = await client.GetAsync(amendmentLink, Token);
        var form = await FormAsync(client, amendmentLink);
        using var acknowledged = await client.PostAsync(amendmentLink, form.With((FilingResponseForm.DecisionField, FilingResponseForm.AcknowledgeValue)), Token);
        using var original = await client.GetAsync(originalLink, Token);

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Xác nhận đã tiếp nhận", await shown.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(FilingStatus.Acknowledged, (await FilingAsync(filed.RegulationId, amendmentFiling.Id)).Status);
        Assert.Equal(HttpStatusCode.Gone, original.StatusCode);
        Assert.Contains("Liên kết đã được thay thế", await original.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    private async Task<(string RegulationId, string Path)> InConsultationAsync()
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), null);
        var regulationId = OfficeTestApp.NewId("qc");
        await Workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc nhiệm kỳ 2025–2030", null, s_clerk, Token);
        var draft = await Workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(regulationId), "Dự thảo.docx", DraftVersion.DocxContentType, s_clerk, Token);
        var round = await Workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("r1", "Chi bộ Văn phòng", "chibo@example.vn"), new ConsultationRecipient("r2", "Công đoàn", "congdoan@example.vn")],
            DateTimeOffset.UtcNow.AddDays(7), s_clerk, Token);
        string token = Tokens.Create(new LinkClaims(regulationId, round.Id, "r1", LinkAction.Consultation, draft.ContentHash.ToString(), DateTimeOffset.UtcNow.AddDays(7)));
        return (regulationId, "/l/" + token);
    }

    /// <summary>A regulation issued and filed with its upper level (filing-1), whose office answers through the link.</summary>
    private async Task<FiledRegulation> FiledAsync()
    {
        var upper = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), upper.Id);
        var regulationId = OfficeTestApp.NewId("qc");
        await Workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc nhiệm kỳ 2025–2030", null, s_clerk, Token);
        await ApproveAsync(organisation.Id, regulationId, "v1");
        var issued = await Workflow.IssueAsync(organisation.Id, regulationId, Today(), "m1", null, s_clerk, Token);
        await Workflow.FileAsync(organisation.Id, regulationId, s_clerk, Token);
        return new FiledRegulation(organisation.Id, regulationId, upper.Id, issued.CurrentIssuance!.FinalDocumentHash.ToString(), Tokens);
    }

    /// <summary>A draft of the active cycle through consultation and both members' agreement.</summary>
    private async Task ApproveAsync(string organisationId, string regulationId, string draftText)
    {
        await Workflow.UploadDraftAsync(organisationId, regulationId, TestDocuments.Docx(regulationId + draftText), "Dự thảo.docx", DraftVersion.DocxContentType, s_clerk, Token);
        var consultation = await Workflow.OpenConsultationAsync(organisationId, regulationId,
            [new ConsultationRecipient("r1", "Chi bộ Văn phòng", "chibo@example.vn")], DateTimeOffset.UtcNow.AddDays(7), s_clerk, Token);
        await Workflow.AnswerConsultationAsync(regulationId, consultation.Id, "r1", true, [], s_clerk, Token);
        var vote = await Workflow.SubmitForVoteAsync(organisationId, regulationId, DateTimeOffset.UtcNow.AddDays(5), s_clerk, Token);
        foreach (string member in (string[])["m1", "m2"])
        {
            await Workflow.CastBallotAsync(regulationId, vote.Id, member, VoteChoice.Agree, null, s_clerk, Token);
        }
    }

    private DateOnly Today() => VietnamTime.DateOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow());

    private LinkTokenService Tokens => App.Services.GetRequiredService<LinkTokenService>();

    private async Task<FilingState> FilingAsync(string regulationId, string filingId) =>
        (await App.Services.GetRequiredService<FilingStore>().GetAsync(regulationId, filingId, Token))!.Value;

    private HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };

    private static async Task<PageForm> FormAsync(HttpClient client, string path)
    {
        string html = await client.GetStringAsync(path, Token);
        string antiforgery = WebUtility.HtmlDecode(FieldValue(html, WebServiceCollectionExtensions.AntiforgeryFieldName));
        return new PageForm(antiforgery, FieldValue(html, LinkPageEndpoints.RequestIdField));
    }

    private static string FieldValue(string html, string name)
    {
        var match = Regex.Match(html, "name=\"" + Regex.Escape(name) + "\"[^>]*value=\"([^\"]*)\"");
        Assert.True(match.Success, $"The page has no field '{name}'.");
        return match.Groups[1].Value;
    }

    private sealed record FiledRegulation(string OrganisationId, string RegulationId, string UpperLevelId, string DocumentHash, LinkTokenService Tokens)
    {
        public string Path(string filingId) =>
            "/l/" + Tokens.Create(new LinkClaims(RegulationId, filingId, UpperLevelId, LinkAction.FilingAcknowledgement, DocumentHash, DateTimeOffset.UtcNow.AddDays(7)));
    }

    private sealed record PageForm(string Antiforgery, string RequestId)
    {
        public FormUrlEncodedContent With(params (string Name, string Value)[] fields) => new(
        [
            new(WebServiceCollectionExtensions.AntiforgeryFieldName, Antiforgery),
            new(LinkPageEndpoints.RequestIdField, RequestId),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
        ]);
    }
}
