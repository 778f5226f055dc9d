using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Organisations;
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
/// The vote page behind a personal link, through HTTP against the running app: what a GET (a mail scanner's
/// prefetch) may not do, and which POSTs record nothing — forged, expired, wrong-round, superseded and replaced
/// members' links, a replayed form, a form without its antiforgery token.
/// </summary>
public sealed class LinkPageSecurityTests(OfficeAppFixture fixture, AzuriteFixture azurite) : IClassFixture<OfficeAppFixture>
{
    private static readonly Actor s_clerk = new("van-phong", "Văn phòng", "test");
    private OfficeTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private RegulationWorkflow Workflow => App.Services.GetRequiredService<RegulationWorkflow>();

    [Fact]
    public async Task Get_VoteLinkOpenedTwice_ShowsThePageAndChangesNothing()
    {
        var vote = await InVoteAsync();
        var before = await RoundAsync(vote);
        int audit = await AuditCountAsync(vote.RegulationId);
        using var client = NewClient();

        using var first = await client.GetAsync(vote.Path("m2"), Token);
        using var second = await client.GetAsync(vote.Path("m2"), Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        string html = await first.Content.ReadAsStringAsync(Token);
        Assert.Contains("Biểu quyết của đồng chí Trần Thị Bình", html, StringComparison.Ordinal);
        Assert.Contains("Gửi biểu quyết", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(first.Headers.Contains("Content-Security-Policy"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(before.ETag, (await RoundAsync(vote)).ETag);
        Assert.Equal(audit, await AuditCountAsync(vote.RegulationId));
    }

    [Fact]
    public async Task Post_SameFormTwice_RecordsTheBallotOnceAndAFreshFormChangesIt()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));

        using var cast = await client.PostAsync(vote.Path("m2"), form.With(("choice", "other"), ("comment", "<script>alert(1)</script> Đề nghị bổ sung Điều 4.")), Token);
        using var replay = await client.PostAsync(vote.Path("m2"), form.With(("choice", "disagree"), ("comment", "Đổi ý.")), Token);

        Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
        string html = await cast.Content.ReadAsStringAsync(Token);
        Assert.Contains("Đã ghi nhận biểu quyết của đồng chí.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var ballot = Assert.Single((await RoundAsync(vote)).Value.Ballots);
        Assert.Equal(VoteChoice.OtherOpinion, ballot.Choice);
        Assert.Equal(1, await AuditCountAsync(vote.RegulationId, "vote.cast"));

        var fresh = await FormAsync(client, vote.Path("m2"));
        using var changed = await client.PostAsync(vote.Path("m2"), fresh.With(("choice", "agree"), ("comment", "")), Token);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(VoteChoice.Agree, Assert.Single((await RoundAsync(vote)).Value.Ballots).Choice);
        Assert.Equal(2, await AuditCountAsync(vote.RegulationId, "vote.cast"));
    }

    [Fact]
    public async Task Post_DisagreeWithoutReason_AsksForTheReasonAndRecordsNothing()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));

        using var response = await client.PostAsync(vote.Path("m2"), form.With(("choice", "disagree"), ("comment", "  ")), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("đề nghị đồng chí ghi lý do", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Empty((await RoundAsync(vote)).Value.Ballots);
    }

    [Fact]
    public async Task Post_DisagreeWithoutReason_OffersTheWayBackToTheForm()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));

        using var response = await client.PostAsync(vote.Path("m2"), form.With(("choice", "disagree"), ("comment", "")), Token);

        string html = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains($"href=\"{vote.Path("m2")}\"", html, StringComparison.Ordinal);
        Assert.Contains("Quay lại biểu mẫu", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ReasonLongerThanThePageAllows_Answers400AndRecordsNothing()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));
        string tooLong = new('ạ', QuyCheWorkflow.Functions.Web.Components.OpinionForm.CommentMaxLength + 1);

        using var response = await client.PostAsync(vote.Path("m2"), form.With(("choice", "disagree"), ("comment", tooLong)), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Tối đa 4000 ký tự", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Empty((await RoundAsync(vote)).Value.Ballots);
    }

    [Fact]
    public async Task Post_ReasonWithBidiOverride_Answers400AndRecordsNothing()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));

        using var response = await client.PostAsync(vote.Path("m2"), form.With(("choice", "disagree"), ("comment", "Không đồng ý \u202Eệđ")), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await RoundAsync(vote)).Value.Ballots);
    }

    [Fact]
    public async Task Post_DecomposedVietnameseReason_IsStoredComposed()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));
        string composed = "Đề nghị bổ sung Điều 4 về chế độ họp.";

        using var response = await client.PostAsync(vote.Path("m2"),
            form.With(("choice", "other"), ("comment", composed.Normalize(System.Text.NormalizationForm.FormD))), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(composed, Assert.Single((await RoundAsync(vote)).Value.Ballots).Reason);
    }

    [Fact]
    public async Task Post_ToAnotherInstanceOfTheApp_IsAcceptedWithTheFirstInstancesForm()
    {
        var vote = await InVoteAsync();
        await using var second = await OfficeTestApp.StartAsync(azurite.ConnectionString);
        var cookies = new CookieContainer();
        using var first = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = App.BaseAddress };
        using var other = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = second.BaseAddress };
        var form = await FormAsync(first, vote.Path("m2"));

        // The key ring is shared through Blob storage, so the second instance reads the first one's antiforgery pair.
        using var response = await other.PostAsync(vote.Path("m2"), form.With(("choice", "agree"), ("comment", "")), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(VoteChoice.Agree, Assert.Single((await RoundAsync(vote)).Value.Ballots).Choice);

        // Not a machine-local key directory that two processes on one machine happen to share: the ring is in Blob storage.
        var keyManagement = second.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value;
        var repository = Assert.IsType<DataProtectionKeyRepository>(keyManagement.XmlRepository);
        Assert.NotEmpty(await repository.GetAllElementsAsync(Token));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_RecordsNothing()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));

        using var response = await client.PostAsync(vote.Path("m2"),
            new FormUrlEncodedContent([new(LinkPageEndpoints.RequestIdField, form.RequestId), new("choice", "agree")]), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await RoundAsync(vote)).Value.Ballots);
    }

    [Fact]
    public async Task Post_FormOfAnotherMembersLink_RecordsOnlyForTheLinkItIsPostedTo()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m1"));

        // The form (and its antiforgery pair) from m1's page, posted to m2's link: it is m2's link that counts.
        using var response = await client.PostAsync(vote.Path("m2"), form.With(("choice", "disagree"), ("comment", "Chưa rõ Điều 2.")), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ballot = Assert.Single((await RoundAsync(vote)).Value.Ballots);
        Assert.Equal("m2", ballot.MemberId);
    }

    public static TheoryData<string> RefusedLinks => ["forged", "expired", "wrong-round", "unknown-regulation", "stale-draft", "malformed"];

    [Theory]
    [MemberData(nameof(RefusedLinks))]
    public async Task GetAndPost_RefusedLink_ShowsAMessagePageAndRecordsNothing(string kind)
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));
        var links = App.Services.GetRequiredService<LinkTokenService>();
        var good = Claims(vote, "m2");
        string token = kind switch
        {
            "forged" => Forge(links.Create(good)),
            // A vote link outlives its signed expiry while its round's deadline is later (an extension): a
            // consultation link does not.
            "expired" => links.Create(good with
            {
                Action = LinkAction.Consultation, RoundId = "consultation-1", RecipientId = "r1", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            }),
            "wrong-round" => links.Create(good with { RoundId = "vote-9" }),
            "unknown-regulation" => links.Create(good with { RegulationId = "qc-khong-co" }),
            "stale-draft" => links.Create(good with { ContentHash = new string('0', 64) }),
            _ => "khong-phai-token",
        };
        var (status, title) = kind switch
        {
            "expired" => (HttpStatusCode.Gone, "Liên kết đã hết hạn"),
            "stale-draft" => (HttpStatusCode.Gone, "Liên kết đã được thay thế"),
            _ => (HttpStatusCode.BadRequest, "Liên kết không hợp lệ"),
        };
        var before = await RoundAsync(vote);

        using var shown = await client.GetAsync("/l/" + token, Token);
        using var posted = await client.PostAsync("/l/" + token, form.With(("choice", "agree"), ("comment", "")), Token);

        Assert.Equal(status, shown.StatusCode);
        Assert.Contains(title, await shown.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal("text/html", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, posted.StatusCode);
        Assert.Equal(before.ETag, (await RoundAsync(vote)).ETag);
        Assert.Equal(0, await AuditCountAsync(vote.RegulationId, "vote.cast"));
    }

    [Fact]
    public async Task GetAndPost_ReplacedMembersLink_SaysTheSeatWentToSomeoneElseAndRecordsNothing()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));
        await App.Services.GetRequiredService<OrganisationWorkflow>().ReplaceCommitteeMemberAsync(vote.OrganisationId, "m2",
            new CommitteeMember("m3", "Phạm Quốc Cường", "cuong@example.vn", CommitteeRole.Member), s_clerk, Token);
        var before = await RoundAsync(vote);

        using var shown = await client.GetAsync(vote.Path("m2"), Token);
        using var posted = await client.PostAsync(vote.Path("m2"), form.With(("choice", "agree"), ("comment", "")), Token);

        Assert.Equal(HttpStatusCode.Gone, shown.StatusCode);
        Assert.Contains("không còn trong danh sách biểu quyết", await shown.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Equal(before.ETag, (await RoundAsync(vote)).ETag);
        using var newcomer = await client.GetAsync(vote.Path("m3"), Token);
        Assert.Equal(HttpStatusCode.OK, newcomer.StatusCode);
    }

    [Fact]
    public async Task PostAndGet_AfterTheRoundWasDecided_RecordNothingAndShowTheResult()
    {
        var vote = await InVoteAsync();
        using var client = NewClient();
        var form = await FormAsync(client, vote.Path("m2"));
        foreach (string member in (string[])["m1", "m4", "m5"])
        {
            await Workflow.CastBallotAsync(vote.RegulationId, vote.RoundId, member, VoteChoice.Disagree, "Chưa phù hợp.", s_clerk, Token);
        }

        var before = await RoundAsync(vote);
        Assert.Equal(VoteRoundStatus.Failed, before.Value.Status);

        using var posted = await client.PostAsync(vote.Path("m2"), form.With(("choice", "agree"), ("comment", "")), Token);
        using var shown = await client.GetAsync(vote.Path("m2"), Token);

        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("không được ghi nhận", await posted.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(before.ETag, (await RoundAsync(vote)).ETag);
        string html = await shown.Content.ReadAsStringAsync(Token);
        Assert.Contains("Dự thảo không được thông qua (0 đồng ý, 3 không đồng ý", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_VoteLinkAfterIssuance_ShowsTheDecisionAndTheIssuedNumber()
    {
        var vote = await InVoteAsync();
        foreach (string member in new[] { "m1", "m2", "m4" })
        {
            await Workflow.CastBallotAsync(vote.RegulationId, vote.RoundId, member, VoteChoice.Agree, null, s_clerk, Token);
        }

        var today = QuyCheWorkflow.Domain.Calendar.VietnamTime.DateOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var issued = await Workflow.IssueAsync(vote.OrganisationId, vote.RegulationId, today, "m1", null, s_clerk, Token);
        using var client = NewClient();

        using var response = await client.GetAsync(vote.Path("m5"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("Ban Thường vụ đã thông qua dự thảo lần 1 ngày " + today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) + " với 3/5 ủy viên đồng ý.",
            html, StringComparison.Ordinal);
        Assert.Contains("Quy chế làm việc số " + issued.CurrentIssuance!.Number.Symbol + " đã được ban hành", html, StringComparison.Ordinal);
        Assert.DoesNotContain("liên kết mới hơn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_VoteLinkSignedToExpireBeforeTheExtendedDeadline_StillOpensTheForm()
    {
        var vote = await InVoteAsync();
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        string token = vote.Tokens.Create(new LinkClaims(vote.RegulationId, vote.RoundId, "m2", LinkAction.Vote, vote.DraftHash, now.AddMinutes(-5)));
        using var client = NewClient();

        using var response = await client.GetAsync("/l/" + token, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Gửi biểu quyết", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    private async Task<VoteLink> InVoteAsync()
    {
        Organisation organisation = new(OfficeTestApp.NewId("du"), "Đảng ủy Sở Tài chính", OrganisationCode.Parse("ĐU"), OrganisationType.Agency, null,
            new Term(2025, 2030), new StandingCommittee([
                new CommitteeMember("m1", "Nguyễn Văn Ân", "an@example.vn", CommitteeRole.Secretary),
                new CommitteeMember("m2", "Trần Thị Bình", "binh@example.vn", CommitteeRole.Member),
                new CommitteeMember("m4", "Lê Văn Dũng", "dung@example.vn", CommitteeRole.Member),
                new CommitteeMember("m5", "Võ Thị Én", "en@example.vn", CommitteeRole.Member),
                new CommitteeMember("m6", "Đặng Văn Phúc", "phuc@example.vn", CommitteeRole.Member),
            ]));
        await App.Organisations.CreateAsync(organisation, Token);
        var regulationId = OfficeTestApp.NewId("qc");
        await Workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc nhiệm kỳ 2025–2030", null, s_clerk, Token);
        var draft = await Workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(regulationId), "Dự thảo.docx", DraftVersion.DocxContentType, s_clerk, Token);
        var consultation = await Workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("r1", "Lê Văn Cảnh", "canh@example.vn")], DateTimeOffset.UtcNow.AddDays(7), s_clerk, Token);
        await Workflow.AnswerConsultationAsync(regulationId, consultation.Id, "r1", true, [], s_clerk, Token);
        var vote = await Workflow.SubmitForVoteAsync(organisation.Id, regulationId, DateTimeOffset.UtcNow.AddDays(5), s_clerk, Token);
        return new VoteLink(organisation.Id, regulationId, vote.Id, draft.ContentHash.ToString(), App.Services.GetRequiredService<LinkTokenService>());
    }

    private static LinkClaims Claims(VoteLink vote, string memberId) =>
        new(vote.RegulationId, vote.RoundId, memberId, LinkAction.Vote, vote.DraftHash, DateTimeOffset.UtcNow.AddDays(6));

    /// <summary>The same token with one character of its signature changed.</summary>
    private static string Forge(string token)
    {
        char last = token[^2];
        return token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];
    }

    private HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress };

    private static async Task<PageForm> FormAsync(HttpClient client, string path)
    {
        string html = await client.GetStringAsync(path, Token);
        string antiforgery = WebDecode(FieldValue(html, WebServiceCollectionExtensions.AntiforgeryFieldName));
        string requestId = FieldValue(html, LinkPageEndpoints.RequestIdField);
        return new PageForm(antiforgery, requestId);
    }

    private static string FieldValue(string html, string name)
    {
        var match = Regex.Match(html, "name=\"" + Regex.Escape(name) + "\"[^>]*value=\"([^\"]*)\"");
        Assert.True(match.Success, $"The page has no field '{name}'.");
        return match.Groups[1].Value;
    }

    private static string WebDecode(string value) => WebUtility.HtmlDecode(value);

    private async Task<Loaded<VoteRoundState>> RoundAsync(VoteLink vote) =>
        (await App.Services.GetRequiredService<VoteRoundStore>().GetAsync(vote.RegulationId, vote.RoundId, Token))!;

    private async Task<int> AuditCountAsync(string regulationId, string? action = null)
    {
        int count = 0;
        await foreach (var entry in App.Services.GetRequiredService<AuditLog>().ReadAsync(regulationId, Token))
        {
            count += action is null || entry.Record.Action == action ? 1 : 0;
        }

        return count;
    }

    private sealed record VoteLink(string OrganisationId, string RegulationId, string RoundId, string DraftHash, LinkTokenService Tokens)
    {
        public string Path(string memberId) =>
            "/l/" + Tokens.Create(new LinkClaims(RegulationId, RoundId, memberId, LinkAction.Vote, DraftHash, new DateTimeOffset(DateTime.UtcNow.Date.AddDays(7), TimeSpan.Zero)));
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
