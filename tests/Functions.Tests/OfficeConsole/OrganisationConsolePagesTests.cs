using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.Office;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>The organisation, committee and import pages: their rules over HTTP, as a browser without script posts them.</summary>
public sealed class OrganisationConsolePagesTests(OrganisationsConsoleFixture fixture) : IClassFixture<OrganisationsConsoleFixture>
{
    private OrganisationsConsoleApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShowOrganisation_OwnOrganisation_ShowsItsFactsChildrenAndTheNewRegulationLink()
    {
        var parent = await App.CreateAsync(OrganisationsConsoleApp.NewId("dbk"), null);
        var child = await App.CreateAsync(OrganisationsConsoleApp.NewId("cb"), parent.Id, "Chi bộ Phòng Kế hoạch");
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, parent.Id);

        using var page = await client.GetAsync(ConsolePaths.Organisation(parent.Id), Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Token));
        Assert.Contains(parent.Name, html, StringComparison.Ordinal);
        Assert.Contains(parent.OfficeName, html, StringComparison.Ordinal);
        Assert.Contains("2025 - 2030", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.Organisation(child.Id)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.NewRegulation(parent.Id)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.Committee(parent.Id)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_AnotherSubtreesOrganisation_Answer404()
    {
        var root = await App.CreateAsync(OrganisationsConsoleApp.NewId("tu"), null);
        var mine = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), root.Id);
        var sibling = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), root.Id);
        using var client = await App.ClientForAsync(ApiRole.Office, mine.Id);

        foreach (var path in new[] { ConsolePaths.Organisation(sibling.Id), ConsolePaths.Committee(sibling.Id), ConsolePaths.Import(sibling.Id), ConsolePaths.Organisation(root.Id) })
        {
            using var page = await client.GetAsync(path, Token);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("Không tìm thấy tổ chức", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        }

        using var post = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Organisation(mine.Id), ConsolePaths.Organisation(sibling.Id),
            ("name", "Đã đổi tên"), ("code", "ĐU"), ("type", "Agency"), ("committeeName", ""), ("officeEmail", "x@example.vn"), ("version", ""));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(sibling.Name, (await App.Organisations.GetAsync(sibling.Id, Token))!.Value.Name);
    }

    [Fact]
    public async Task UpdateOrganisation_InvalidEmail_Answers400WithTheMessageBesideTheFieldRefilledAndStoresNothing()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var before = await App.Organisations.GetAsync(organisation.Id, Token);

        using var response = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Organisation(organisation.Id), ConsolePaths.Organisation(organisation.Id),
            ("name", "Đảng bộ Sở Tài chính mới"), ("code", "ĐU"), ("type", "Agency"), ("committeeName", ""), ("officeEmail", "khong-phai-email"), ("version", before!.ETag.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"f-officeEmail-goi-y f-officeEmail-loi\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"f-officeEmail-loi\">Địa chỉ e-mail không hợp lệ.</p>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Đảng bộ Sở Tài chính mới\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"khong-phai-email\"", html, StringComparison.Ordinal);
        var after = await App.Organisations.GetAsync(organisation.Id, Token);
        Assert.Equal(before.ETag, after!.ETag);
    }

    [Fact]
    public async Task UpdateOrganisation_Valid_RedirectsToThePageAndStoresTheChange()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var before = await App.Organisations.GetAsync(organisation.Id, Token);

        using var response = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Organisation(organisation.Id), ConsolePaths.Organisation(organisation.Id),
            ("name", "Đảng bộ Sở Tài chính"), ("code", "ĐU"), ("type", "Agency"), ("committeeName", ""), ("officeEmail", "vp.dangbo@stc.example.vn"), ("version", before!.ETag.ToString()));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(ConsolePaths.Organisation(organisation.Id) + "?thong-bao=luu", response.Headers.Location!.OriginalString);
        var after = (await App.Organisations.GetAsync(organisation.Id, Token))!.Value;
        Assert.Equal("Đảng bộ Sở Tài chính", after.Name);
        Assert.Equal("Văn phòng Đảng ủy Sở Tài chính", after.OfficeName);
        Assert.Equal("vp.dangbo@stc.example.vn", after.OfficeEmail);
    }

    [Fact]
    public async Task UpdateOrganisation_CodeAndType_ChangeTheSymbolOfLaterDocumentsAndABadCodeIsRefusedBesideIt()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var before = await App.Organisations.GetAsync(organisation.Id, Token);

        using var refused = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Organisation(organisation.Id), ConsolePaths.Organisation(organisation.Id),
            ("name", organisation.Name), ("code", "Đ/U"), ("type", "Enterprise"), ("committeeName", ""), ("officeEmail", ""), ("version", before!.ETag.ToString()));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Token));
        var unchanged = await App.Organisations.GetAsync(organisation.Id, Token);
        using var saved = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Organisation(organisation.Id), ConsolePaths.Organisation(organisation.Id),
            ("name", organisation.Name), ("code", "ĐUDN"), ("type", "Enterprise"), ("committeeName", ""), ("officeEmail", ""), ("version", before.ETag.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"f-code-loi\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Đ/U\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Enterprise\" selected", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(before.ETag, unchanged!.ETag);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var after = (await App.Organisations.GetAsync(organisation.Id, Token))!.Value;
        Assert.Equal("ĐUDN", after.Code.ToString());
        Assert.Equal(OrganisationType.Enterprise, after.Type);
    }

    [Fact]
    public async Task UpdateOrganisation_FromAStaleVersion_Answers400SayingSoAndStoresNothing()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var stale = (await App.Organisations.GetAsync(organisation.Id, Token))!.ETag.ToString();
        await App.Services.GetRequiredService<OrganisationWorkflow>().UpdateAsync(organisation.Id,
            new OrganisationChanges { Name = "Đảng bộ đổi tên trước" }, OrganisationsConsoleApp.Clerk, cancellationToken: Token);

        using var response = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Organisation(organisation.Id), ConsolePaths.Organisation(organisation.Id),
            ("name", "Tên của người đến sau"), ("code", "ĐU"), ("type", "Agency"), ("committeeName", ""), ("officeEmail", ""), ("version", stale));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("vừa được người khác thay đổi", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Equal("Đảng bộ đổi tên trước", (await App.Organisations.GetAsync(organisation.Id, Token))!.Value.Name);
    }

    [Fact]
    public async Task UpdateOrganisation_WithoutAntiforgeryToken_Answers400AndStoresNothing()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);

        using var content = new FormUrlEncodedContent([KeyValuePair.Create("name", "Tên giả mạo")]);
        using var response = await client.PostAsync(ConsolePaths.Organisation(organisation.Id), content, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(organisation.Name, (await App.Organisations.GetAsync(organisation.Id, Token))!.Value.Name);
    }

    [Fact]
    public async Task EnterTerm_NotAfterTheCurrent_Answers400BesideTheTermAndKeepsIt()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);

        using var response = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Organisation(organisation.Id),
            ConsolePaths.OrganisationTerm(organisation.Id), ("term", "2020 - 2025"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("id=\"f-term-loi\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2020 - 2025\"", html, StringComparison.Ordinal);
        Assert.Equal(new Domain.Organisations.Term(2025, 2030), (await App.Organisations.GetAsync(organisation.Id, Token))!.Value.CurrentTerm);
    }

    [Fact]
    public async Task ReplaceMember_DuringAnOpenVote_ExplainsTheEffectFirstAndMovesTheSeatOnlyWhenConfirmed()
    {
        var (organisationId, regulationId, roundId) = await InVoteAsync();
        var workflow = App.Services.GetRequiredService<RegulationWorkflow>();
        await workflow.CastBallotAsync(regulationId, roundId, "m2", VoteChoice.Agree, null, OrganisationsConsoleApp.Clerk, Token);
        using var client = await App.ClientForAsync(ApiRole.Office, organisationId);
        (string, string)[] replacement = [("oldMemberId", "m2"), ("memberId", "m3"), ("fullName", "Phạm Quốc Cường"), ("email", "cuong@example.vn"), ("role", "Member")];

        using var preview = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Committee(organisationId), ConsolePaths.CommitteeReplace(organisationId), replacement);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync(Token));
        Assert.Contains("Quy chế làm việc nhiệm kỳ 2025–2030", html, StringComparison.Ordinal);
        Assert.Contains("không dùng được nữa", html, StringComparison.Ordinal);
        Assert.Contains("được gửi đường liên kết biểu quyết mới", html, StringComparison.Ordinal);
        Assert.Contains("“Đồng ý” – sẽ bị hủy", html, StringComparison.Ordinal);
        var votes = App.Services.GetRequiredService<VoteRoundStore>();
        Assert.Equal(["m1", "m2"], (await votes.GetAsync(regulationId, roundId, Token))!.Value.Members.Select(m => m.MemberId));
        Assert.True((await App.Organisations.GetAsync(organisationId, Token))!.Value.Committee.Contains("m2"));

        using var confirmed = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Committee(organisationId), ConsolePaths.CommitteeReplace(organisationId),
            [.. replacement, ("confirmed", "true")]);

        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal(["m1", "m3"], (await votes.GetAsync(regulationId, roundId, Token))!.Value.Members.Select(m => m.MemberId));
        Assert.Equal(["m1", "m3"], (await App.Organisations.GetAsync(organisationId, Token))!.Value.Committee.Members.Select(m => m.MemberId));
        using var page = await client.GetAsync(confirmed.Headers.Location, Token);
        Assert.Contains("ở 1 đợt biểu quyết đang mở", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceMember_NewMemberAlreadyOnTheCommittee_Answers400BesideTheIdAndChangesNothing()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);

        using var response = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Committee(organisation.Id), ConsolePaths.CommitteeReplace(organisation.Id),
            ("oldMemberId", "m2"), ("memberId", "m1"), ("fullName", "Phạm Quốc Cường"), ("email", "cuong@example.vn"), ("role", "Member"), ("confirmed", "true"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("<p class=\"field-error\" id=\"thay-memberId-loi\">", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Phạm Quốc Cường\"", html, StringComparison.Ordinal);
        Assert.Equal(["m1", "m2"], (await App.Organisations.GetAsync(organisation.Id, Token))!.Value.Committee.Members.Select(m => m.MemberId));
    }

    [Fact]
    public async Task AddMember_ASecondSecretary_Answers400BesideTheRoleAndChangesNothing()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var version = (await App.Organisations.GetAsync(organisation.Id, Token))!.ETag.ToString();

        using var refused = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Committee(organisation.Id), ConsolePaths.CommitteeAdd(organisation.Id),
            ("memberId", "m3"), ("fullName", "Đỗ Minh Châu"), ("email", "chau@example.vn"), ("role", "Secretary"), ("version", version));
        using var added = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Committee(organisation.Id), ConsolePaths.CommitteeAdd(organisation.Id),
            ("memberId", "m3"), ("fullName", "Đỗ Minh Châu"), ("email", "chau@example.vn"), ("role", "DeputySecretary"), ("version", version));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"them-role-loi\"", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.Equal(["m1", "m2", "m3"], (await App.Organisations.GetAsync(organisation.Id, Token))!.Value.Committee.Members.Select(m => m.MemberId));
    }

    [Fact]
    public async Task RemoveMember_AMember_TakesThemOffAndSaysWho()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var version = (await App.Organisations.GetAsync(organisation.Id, Token))!.ETag.ToString();

        using var removed = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Committee(organisation.Id), ConsolePaths.CommitteeRemove(organisation.Id),
            ("oldMemberId", "m2"), ("version", version));
        using var shown = await client.GetAsync(removed.Headers.Location, Token);

        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.Contains("Đồng chí Trần Thị Bình không còn trong danh sách Ban Thường vụ", WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Equal(["m1"], (await App.Organisations.GetAsync(organisation.Id, Token))!.Value.Committee.Members.Select(m => m.MemberId));
    }

    [Fact]
    public async Task RemoveMember_TheSecretaryOrAStaleVersion_Answers400AndChangesNothing()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, organisation.Id);
        var version = (await App.Organisations.GetAsync(organisation.Id, Token))!.ETag.ToString();

        using var secretary = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Committee(organisation.Id), ConsolePaths.CommitteeRemove(organisation.Id),
            ("oldMemberId", "m1"), ("version", version));
        using var added = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Committee(organisation.Id), ConsolePaths.CommitteeAdd(organisation.Id),
            ("memberId", "m3"), ("fullName", "Đỗ Minh Châu"), ("email", "chau@example.vn"), ("role", "Member"), ("version", version));
        using var stale = await OrganisationsConsoleApp.PostFormAsync(client, ConsolePaths.Committee(organisation.Id), ConsolePaths.CommitteeRemove(organisation.Id),
            ("oldMemberId", "m2"), ("version", version));

        Assert.Equal(HttpStatusCode.BadRequest, secretary.StatusCode);
        var html = WebUtility.HtmlDecode(await secretary.Content.ReadAsStringAsync(Token));
        Assert.Contains("id=\"thoi-oldMemberId-loi\"", html, StringComparison.Ordinal);
        Assert.Contains("Ban Thường vụ luôn có một Bí thư", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("vừa được người khác thay đổi", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Equal(["m1", "m2", "m3"], (await App.Organisations.GetAsync(organisation.Id, Token))!.Value.Committee.Members.Select(m => m.MemberId));
    }

    [Fact]
    public async Task Import_FileWithFaults_ShowsTheLineAndColumnOfEachAndCreatesNothing()
    {
        var parent = await App.CreateAsync(OrganisationsConsoleApp.NewId("dbk"), null);
        var good = OrganisationsConsoleApp.NewId("cb");
        var bad = OrganisationsConsoleApp.NewId("cb");
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, parent.Id);
        var csv = "id;parentId;name;code;type;term;secretaryId;secretaryName;secretaryEmail\n" +
            $"{good};{parent.Id};Chi bộ Một;CB;Agency;2025 - 2030;a1;Nguyễn Văn A;a@example.vn\n" +
            $"{bad};{parent.Id};Chi bộ Hai;CB;Agency;2025 - 2030;b1;Trần Văn B;khong-phai-email\n";

        using var response = await OrganisationsConsoleApp.PostMultipartAsync(client, ConsolePaths.Import(parent.Id), ConsolePaths.Import(parent.Id), Csv(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("<td>3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>secretaryEmail</td>", html, StringComparison.Ordinal);
        Assert.Contains("Địa chỉ e-mail không hợp lệ.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"tep-to-chuc-loi\"", html, StringComparison.Ordinal);
        Assert.Null(await App.Organisations.GetAsync(good, Token));
    }

    [Fact]
    public async Task Import_ValidFiles_CreateTheOrganisationsAndCommitteesAndShowTheCounts()
    {
        var parent = await App.CreateAsync(OrganisationsConsoleApp.NewId("dbk"), null);
        var child = OrganisationsConsoleApp.NewId("cb");
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, parent.Id);
        var organisations = "id,parentId,name,code,type,term,secretaryId,secretaryName,secretaryEmail\n" +
            $"{child},{parent.Id},Chi bộ Một,CB,Agency,2025 - 2030,a1,Nguyễn Văn A,a@example.vn\n";
        var members = "organisationId,memberId,fullName,role,email\n" +
            $"{child},a1,Nguyễn Văn A,Secretary,a@example.vn\n{child},a2,Lê Thị Hoa,Member,hoa@example.vn\n";

        using var imported = await OrganisationsConsoleApp.PostMultipartAsync(client, ConsolePaths.Import(parent.Id), ConsolePaths.Import(parent.Id), Csv(organisations));
        using var committees = await OrganisationsConsoleApp.PostMultipartAsync(client, ConsolePaths.Import(parent.Id), ConsolePaths.ImportCommittees(parent.Id), Csv(members));

        Assert.Equal(HttpStatusCode.SeeOther, imported.StatusCode);
        using var summary = await client.GetAsync(imported.Headers.Location, Token);
        Assert.Contains("Tạo mới: 1 tổ chức", WebUtility.HtmlDecode(await summary.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, committees.StatusCode);
        Assert.Equal(["a1", "a2"], (await App.Organisations.GetAsync(child, Token))!.Value.Committee.Members.Select(m => m.MemberId));
    }

    [Fact]
    public async Task ImportSamples_AreCsvThatExcelOpensInColumnsAndTheImportAccepts()
    {
        var parent = await App.CreateAsync(OrganisationsConsoleApp.NewId("dbk"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, parent.Id);

        using var sample = await client.GetAsync(ConsolePaths.ImportOrganisationsSample(parent.Id), Token);

        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        Assert.Equal("text/csv", sample.Content.Headers.ContentType!.MediaType);
        var bytes = await sample.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("id;parentId;name;code;type;term", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        Assert.Contains($";{parent.Id};Đảng bộ Sở Tài chính;", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Csv(string text)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "danh-sach.csv" } };
    }

    private async Task<(string OrganisationId, string RegulationId, string RoundId)> InVoteAsync()
    {
        var organisation = await App.CreateAsync(OrganisationsConsoleApp.NewId("du"), null);
        var workflow = App.Services.GetRequiredService<RegulationWorkflow>();
        var clerk = OrganisationsConsoleApp.Clerk;
        var regulationId = OrganisationsConsoleApp.NewId("qc");
        await workflow.CreateRegulationAsync(organisation.Id, regulationId, "Quy chế làm việc nhiệm kỳ 2025–2030", null, clerk, Token);
        await workflow.UploadDraftAsync(organisation.Id, regulationId, TestDocuments.Docx(regulationId), "Dự thảo.docx", DraftVersion.DocxContentType, clerk, Token);
        var consultation = await workflow.OpenConsultationAsync(organisation.Id, regulationId,
            [new ConsultationRecipient("r1", "Lê Văn Cảnh", "canh@example.vn")], DateTimeOffset.UtcNow.AddDays(7), clerk, Token);
        await workflow.AnswerConsultationAsync(regulationId, consultation.Id, "r1", true, [], clerk, Token);
        var vote = await workflow.SubmitForVoteAsync(organisation.Id, regulationId, DateTimeOffset.UtcNow.AddDays(5), clerk, Token);
        return (organisation.Id, regulationId, vote.Id);
    }
}
