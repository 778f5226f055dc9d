using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>The member replacement, in-person result and issuance endpoints, on a regulation brought to its stage by the workflow.</summary>
public sealed class CommitteeAndIssuanceApiTests(OfficeAppFixture fixture) : IClassFixture<OfficeAppFixture>
{
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng", "test");
    private OfficeTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private RegulationWorkflow Workflow => App.Services.GetRequiredService<RegulationWorkflow>();

    [Fact]
    public async Task ReplaceMember_DuringOpenVote_AnswersTheSeatChangeAndStoresIt()
    {
        var (organisationId, regulationId, roundId) = await InVoteAsync();
        await Workflow.CastBallotAsync(regulationId, roundId, "m2", VoteChoice.Agree, null, s_clerk, Token);
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);

        using var response = await client.PostAsJsonAsync(ReplacementsPath(organisationId),
            new MemberReplacementRequest("m2", new CommitteeMemberRequest("m3", "Phạm Quốc Cường", "cuong@example.vn", "Member")), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var seat = Assert.Single(body.RootElement.GetProperty("voteRounds").EnumerateArray());
        Assert.Equal(regulationId, seat.GetProperty("regulationId").GetString());
        Assert.Equal("Agree", seat.GetProperty("discardedBallot").GetString());
        Assert.Contains("Phạm Quốc Cường", seat.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(body.RootElement.GetProperty("organisation").GetProperty("members").EnumerateArray(), m => m.GetProperty("memberId").GetString() == "m3");
        var round = (await App.Services.GetRequiredService<VoteRoundStore>().GetAsync(regulationId, roundId, Token))!.Value;
        Assert.Equal(["m1", "m3"], round.Members.Select(m => m.MemberId));
        Assert.Empty(round.Ballots);
    }

    [Fact]
    public async Task ReplaceMember_InvalidOrUnknown_AnswersProblemAndChangesNothing()
    {
        var (organisationId, _, _) = await InVoteAsync();
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        var before = await App.Organisations.GetAsync(organisationId, Token);

        using var invalid = await client.PostAsJsonAsync(ReplacementsPath(organisationId),
            new MemberReplacementRequest("m2", new CommitteeMemberRequest("m3", "", "khong-phai-email", "Chairman")), Token);
        using var unknown = await client.PostAsJsonAsync(ReplacementsPath(organisationId),
            new MemberReplacementRequest("m7", new CommitteeMemberRequest("m3", "Phạm Quốc Cường", "cuong@example.vn", "Member")), Token);
        var stranger = await App.SeedAsync(OfficeTestApp.NewId("x"), null);
        using var other = await App.ClientForAsync(ApiRole.Office, stranger.Id);
        using var foreign = await other.PostAsJsonAsync(ReplacementsPath(organisationId),
            new MemberReplacementRequest("m2", new CommitteeMemberRequest("m3", "Phạm Quốc Cường", "cuong@example.vn", "Member")), Token);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync(Token));
        Assert.True(errors.RootElement.GetProperty("errors").TryGetProperty("newMember.email", out _));
        Assert.True(errors.RootElement.GetProperty("errors").TryGetProperty("newMember.role", out _));
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(before!.ETag, (await App.Organisations.GetAsync(organisationId, Token))!.ETag);
    }

    [Fact]
    public async Task RecordInPersonResult_WithoutOrFutureMeetingDate_AnswersProblemAndRecordsNothing()
    {
        var (organisationId, regulationId, roundId) = await InVoteAsync();
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        var before = await App.Services.GetRequiredService<VoteRoundStore>().GetAsync(regulationId, roundId, Token);
        var tomorrow = VietnamTime.DateOf(DateTimeOffset.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var missing = await client.PostAsync(InPersonPath(organisationId, regulationId), InPersonForm(null), Token);
        using var future = await client.PostAsync(InPersonPath(organisationId, regulationId), InPersonForm(tomorrow), Token);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        using var errors = JsonDocument.Parse(await missing.Content.ReadAsStringAsync(Token));
        Assert.True(errors.RootElement.GetProperty("errors").TryGetProperty("meetingDate", out _));
        Assert.Equal(HttpStatusCode.Conflict, future.StatusCode);
        Assert.Contains("Ngày họp", await future.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(before!.ETag, (await App.Services.GetRequiredService<VoteRoundStore>().GetAsync(regulationId, roundId, Token))!.ETag);
    }

    [Fact]
    public async Task RecordInPersonResult_TodayPassed_RecordsTheMeetingDate()
    {
        var (organisationId, regulationId, roundId) = await InVoteAsync();
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);

        using var response = await client.PostAsync(InPersonPath(organisationId, regulationId),
            InPersonForm(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var round = (await App.Services.GetRequiredService<VoteRoundStore>().GetAsync(regulationId, roundId, Token))!.Value;
        Assert.Equal(VoteRoundStatus.Passed, round.Status);
        Assert.Equal(today, round.InPersonResult!.MeetingDate);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(nameof(VoteRoundStatus.Passed), body.RootElement.GetProperty("status").GetString());
        var result = body.RootElement.GetProperty("inPersonResult");
        Assert.Equal(round.InPersonResult.MinutesHash.ToString(), result.GetProperty("minutesSha256").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), result.GetProperty("meetingDate").GetString());
        Assert.Equal(1, ResponseShape.AssertCallerShaped(body.RootElement));
    }

    [Fact]
    public async Task Issue_MultipartWithSignedPdf_MakesItTheFinalDocument()
    {
        var (organisationId, regulationId) = await ApprovedAsync();
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        byte[] signed = TestDocuments.Pdf("01-QC/DU da ky");

        using var response = await client.PostAsync(IssuancePath(organisationId, regulationId), IssueForm(signed, "Quy chế 01.pdf"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var regulation = Regulation.FromState((await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token))!.Value);
        Assert.Equal(ContentHash.Of(signed), regulation.CurrentIssuance!.FinalDocumentHash);
        Assert.Equal("01-QC/ĐU", regulation.CurrentIssuance.Number.Symbol);
        var stored = await App.Services.GetRequiredService<DocumentStore>().DownloadAsync(ContentHash.Of(signed), Token);
        Assert.Equal("Quy chế 01.pdf", stored!.FileName);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(nameof(RegulationStage.Issued), body.RootElement.GetProperty("stage").GetString());
        var issuance = body.RootElement.GetProperty("currentIssuance");
        Assert.Equal("01-QC/ĐU", issuance.GetProperty("number").GetString());
        Assert.Equal(ContentHash.Of(signed).ToString(), issuance.GetProperty("finalDocumentSha256").GetString());
        Assert.Equal("Nguyễn Văn Ân", issuance.GetProperty("signer").GetProperty("fullName").GetString());
        ResponseShape.AssertCallerShaped(body.RootElement);
    }

    [Fact]
    public async Task FileAndRecordReview_AfterIssuance_AnswerTheFilingAndTheReview()
    {
        var upper = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var (organisationId, regulationId) = await ApprovedAsync(upper.Id);
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        string today = VietnamTime.DateOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow())
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await client.PostAsJsonAsync(IssuancePath(organisationId, regulationId), new { issueDate = today, signerMemberId = "m1" }, Token)).Dispose();
        var minutes = TestDocuments.Pdf("bien ban ra soat " + regulationId);

        using var filed = await client.PostAsync($"/api/organisations/{organisationId}/regulations/{regulationId}/filing", null, Token);
        using var reviewed = await client.PostAsync($"/api/organisations/{organisationId}/regulations/{regulationId}/reviews",
            ReviewForm(minutes, today), Token);

        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        using var filing = JsonDocument.Parse(await filed.Content.ReadAsStringAsync(Token));
        Assert.Equal("01-QC/ĐU", filing.RootElement.GetProperty("documentNumber").GetString());
        Assert.Equal(upper.Id, filing.RootElement.GetProperty("upperLevelOrganisationId").GetString());
        Assert.Equal(nameof(QuyCheWorkflow.Domain.Filings.FilingStatus.Sent), filing.RootElement.GetProperty("status").GetString());
        ResponseShape.AssertCallerShaped(filing.RootElement);
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        using var review = JsonDocument.Parse(await reviewed.Content.ReadAsStringAsync(Token));
        Assert.Equal(ContentHash.Of(minutes).ToString(), review.RootElement.GetProperty("minutesSha256").GetString());
        Assert.Equal("Keep", review.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(today, review.RootElement.GetProperty("meetingDate").GetString());
        Assert.Equal(1, ResponseShape.AssertCallerShaped(review.RootElement));
    }

    [Fact]
    public async Task Issue_MultipartWithExecutable_Answers415AndTakesNoNumber()
    {
        var (organisationId, regulationId) = await ApprovedAsync();
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        var before = await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token);

        using var response = await client.PostAsync(IssuancePath(organisationId, regulationId), IssueForm(TestDocuments.Executable(), "quyche.pdf"), Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before!.ETag, (await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token))!.ETag);
        var organisation = (await App.Organisations.GetAsync(organisationId, Token))!.Value;
        Assert.Empty(await App.Services.GetRequiredService<DocumentNumberRegistry>().ListAsync(organisationId, organisation.CurrentTerm, DocumentType.Regulation, Token));
    }

    [Fact]
    public async Task Issue_DateAfterToday_Answers422NamingTheFieldAndTakesNoNumber()
    {
        var (organisationId, regulationId) = await ApprovedAsync();
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        var before = await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token);
        var tomorrow = VietnamTime.DateOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow()).AddDays(1);

        using var response = await client.PostAsJsonAsync(IssuancePath(organisationId, regulationId),
            new { issueDate = tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), signerMemberId = "m1" }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        string message = body.RootElement.GetProperty("errors").GetProperty("issueDate")[0].GetString()!;
        Assert.StartsWith("Ngày ban hành ngày " + tomorrow.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) + " chưa đến", message, StringComparison.Ordinal);
        Assert.Equal(before!.ETag, (await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token))!.ETag);
        var organisation = (await App.Organisations.GetAsync(organisationId, Token))!.Value;
        Assert.Empty(await App.Services.GetRequiredService<DocumentNumberRegistry>().ListAsync(organisationId, organisation.CurrentTerm, DocumentType.Regulation, Token));
    }

    [Fact]
    public async Task Issue_SignerIsOrdinaryMember_Answers422NamingThem()
    {
        var (organisationId, regulationId) = await ApprovedAsync();
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        var today = VietnamTime.DateOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow());

        using var response = await client.PostAsJsonAsync(IssuancePath(organisationId, regulationId),
            new { issueDate = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), signerMemberId = "m2" }, Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("Trần Thị Bình", body.RootElement.GetProperty("errors").GetProperty("signerMemberId")[0].GetString(), StringComparison.Ordinal);
        var regulation = (await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token))!.Value;
        Assert.Null(regulation.CurrentIssuance);
    }

    [Fact]
    public async Task Issue_SignerMemberId_StoresTheSigningLineOfTheRole()
    {
        var (organisationId, regulationId) = await ApprovedAsync();
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        var today = VietnamTime.DateOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow());

        using var response = await client.PostAsJsonAsync(IssuancePath(organisationId, regulationId),
            new { issueDate = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), signerMemberId = "m1" }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var regulation = (await App.Services.GetRequiredService<RegulationStore>().GetAsync(organisationId, regulationId, Token))!.Value;
        Assert.Equal(new Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Ân"), regulation.CurrentIssuance!.Signer);
    }

    [Fact]
    public async Task Issue_PlainText_Answers415()
    {
        var (organisationId, regulationId) = await ApprovedAsync();
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);

        using var response = await client.PostAsync(IssuancePath(organisationId, regulationId), new StringContent("ban hành"), Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(string OrganisationId, string RegulationId, string RoundId)> InVoteAsync(string? parentId = null)
    {
        var organisation = await App.SeedAsync(OfficeTestApp.NewId("du"), parentId);
        var regulationId = OfficeTestApp.NewId("qc");
        await Workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc nhiệm kỳ 2025–2030", null, s_clerk, Token);
        await Workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(regulationId), "Dự thảo.docx", DraftVersion.DocxContentType, s_clerk, Token);
        var consultation = await Workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("r1", "Lê Văn Cảnh", "canh@example.vn")], DateTimeOffset.UtcNow.AddDays(7), s_clerk, Token);
        await Workflow.AnswerConsultationAsync(regulationId, consultation.Id, "r1", true, [], s_clerk, Token);
        var vote = await Workflow.SubmitForVoteAsync(organisation.Id, regulationId, DateTimeOffset.UtcNow.AddDays(5), s_clerk, Token);
        return (organisation.Id, regulationId, vote.Id);
    }

    private async Task<(string OrganisationId, string RegulationId)> ApprovedAsync(string? parentId = null)
    {
        var (organisationId, regulationId, roundId) = await InVoteAsync(parentId);
        await Workflow.CastBallotAsync(regulationId, roundId, "m1", VoteChoice.Agree, null, s_clerk, Token);
        await Workflow.CastBallotAsync(regulationId, roundId, "m2", VoteChoice.Agree, null, s_clerk, Token);
        return (organisationId, regulationId);
    }

    private static string ReplacementsPath(string organisationId) => $"/api/organisations/{organisationId}/committee/replacements";

    private static string InPersonPath(string organisationId, string regulationId) =>
        $"/api/organisations/{organisationId}/regulations/{regulationId}/vote/in-person-result";

    private static string IssuancePath(string organisationId, string regulationId) =>
        $"/api/organisations/{organisationId}/regulations/{regulationId}/issuance";

    private static MultipartFormDataContent InPersonForm(string? meetingDate)
    {
        var file = new ByteArrayContent(TestDocuments.Pdf("bien ban " + meetingDate));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { file, "file", "Biên bản họp.pdf" },
            { new StringContent("true"), "passed" },
            { new StringContent("2"), "agree" },
            { new StringContent("0"), "disagree" },
            { new StringContent("0"), "other" },
        };
        if (meetingDate is not null)
        {
            form.Add(new StringContent(meetingDate), "meetingDate");
        }

        return form;
    }

    private static MultipartFormDataContent ReviewForm(byte[] minutes, string meetingDate)
    {
        var file = new ByteArrayContent(minutes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { file, "file", "Biên bản rà soát.pdf" },
            { new StringContent(meetingDate), "meetingDate" },
            { new StringContent("Keep"), "outcome" },
        };
    }

    private MultipartFormDataContent IssueForm(byte[] document, string fileName)
    {
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        string today = QuyCheWorkflow.Domain.Calendar.VietnamTime.DateOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow())
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new MultipartFormDataContent
        {
            { file, "file", fileName },
            { new StringContent(today), "issueDate" },
            { new StringContent("Nguyễn Văn Ân"), "signerName" },
        };
    }
}
