using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Office;

public sealed class OrganisationsApiTests(OfficeAppFixture fixture) : IClassFixture<OfficeAppFixture>
{
    private OfficeTestApp App => fixture.App;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateOrganisation_BelowOwnOrganisation_IsStoredAuditedAndListed()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var childId = OfficeTestApp.NewId("cb");

        using var response = await client.PostAsJsonAsync(OrganisationsApi.Path, Request(childId, root.Id), Token);
        var list = await client.GetFromJsonAsync<List<OrganisationResponse>>(OrganisationsApi.Path, Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await App.Organisations.GetAsync(childId, Token);
        Assert.Equal("Chi bộ Phòng Tổ chức", stored?.Value.Name);
        Assert.Equal("chibo@example.vn", stored?.Value.OfficeEmail);
        Assert.Equal(new[] { root.Id, childId }.Order(StringComparer.Ordinal), list!.Select(o => o.Id));
        var audit = App.Services.GetRequiredService<AuditLog>();
        Assert.Equal("organisation.created", Assert.Single(await audit.ReadAsync(childId, Token).ToListAsync(Token)).Record.Action);
    }

    [Fact]
    public async Task CreateOrganisation_WithoutCommitteeName_DerivesItAndAnswersTheOfficeName()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var childId = OfficeTestApp.NewId("db");

        using var response = await client.PostAsJsonAsync(OrganisationsApi.Path, Request(childId, root.Id) with { Name = "Đảng bộ Sở Tài chính" }, Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<OrganisationResponse>(Token);
        Assert.Equal("Đảng ủy Sở Tài chính", body!.CommitteeName);
        Assert.Equal("Văn phòng Đảng ủy Sở Tài chính", body.OfficeName);
        Assert.False((await App.Organisations.GetAsync(childId, Token))!.Value.HasOwnCommitteeName);
    }

    [Fact]
    public async Task CreateAndUpdateOrganisation_CommitteeName_IsStoredChangedAndCleared()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var childId = OfficeTestApp.NewId("db");

        using var created = await client.PostAsJsonAsync(OrganisationsApi.Path,
            Request(childId, root.Id) with { Name = "Đảng bộ tỉnh Sông Hồng", CommitteeName = " Tỉnh ủy Sông Hồng " }, Token);
        var afterCreate = (await App.Organisations.GetAsync(childId, Token))!.Value;
        using var renamed = await client.PatchAsJsonAsync($"{OrganisationsApi.Path}/{childId}",
            new UpdateOrganisationRequest(null, null, null, null, "Tỉnh ủy Sông Hồng (khóa mới)"), Token);
        var afterRename = (await App.Organisations.GetAsync(childId, Token))!.Value;
        using var untouched = await client.PatchAsJsonAsync($"{OrganisationsApi.Path}/{childId}",
            new UpdateOrganisationRequest("Đảng bộ tỉnh Sông Hồng mới", null, null, null), Token);
        var afterNameOnly = (await App.Organisations.GetAsync(childId, Token))!.Value;
        using var cleared = await client.PatchAsJsonAsync($"{OrganisationsApi.Path}/{childId}",
            new UpdateOrganisationRequest(null, null, null, null, ""), Token);
        var body = await cleared.Content.ReadFromJsonAsync<OrganisationResponse>(Token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Tỉnh ủy Sông Hồng", afterCreate.CommitteeName);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Tỉnh ủy Sông Hồng (khóa mới)", afterRename.CommitteeName);
        Assert.Equal("Tỉnh ủy Sông Hồng (khóa mới)", afterNameOnly.CommitteeName);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal("Đảng ủy tỉnh Sông Hồng mới", body!.CommitteeName);
        Assert.Equal("Văn phòng Đảng ủy tỉnh Sông Hồng mới", body.OfficeName);
        Assert.False((await App.Organisations.GetAsync(childId, Token))!.Value.HasOwnCommitteeName);
    }

    [Fact]
    public async Task CreateOrganisation_CommitteeNameWithLineBreak_Returns400OnIt()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);

        using var response = await client.PostAsJsonAsync(OrganisationsApi.Path,
            Request(OfficeTestApp.NewId("db"), root.Id) with { CommitteeName = "Đảng ủy\nSở Tài chính" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("committeeName", out _));
    }

    [Fact]
    public async Task CreateOrganisation_TimelineActor_IsTheCallersOfficeByName()
    {
        var rootId = OfficeTestApp.NewId("tu");
        await App.Organisations.CreateAsync(new OrganisationBuilder().WithId(rootId).WithParent(null).WithName("Đảng bộ tỉnh Sông Hồng").WithType(OrganisationType.Agency)
            .WithCommittee(new StandingCommittee([new CommitteeMember("m1", "Nguyễn Văn Ân", "an@example.vn", CommitteeRole.Secretary)])).Build()
            with { CommitteeName = "Tỉnh ủy Sông Hồng" }, Token);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, rootId);
        var childId = OfficeTestApp.NewId("cb");

        using var response = await client.PostAsJsonAsync(OrganisationsApi.Path, Request(childId, rootId), Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var audit = App.Services.GetRequiredService<AuditLog>();
        var record = Assert.Single(await audit.ReadAsync(childId, Token).ToListAsync(Token)).Record;
        Assert.Equal("Văn phòng Tỉnh ủy Sông Hồng", record.ActorDisplay);
        Assert.DoesNotContain(rootId, record.ActorDisplay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnterTerm_NewTermAndCommittee_IsStored()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);

        using var response = await client.PostAsJsonAsync($"{OrganisationsApi.Path}/{root.Id}/terms",
            new CommitteeRequest("2030-2035", [new CommitteeMemberRequest("m9", "Lê Văn Chính", "chinh@example.vn", "Secretary")]), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await App.Organisations.GetAsync(root.Id, Token))!.Value;
        Assert.Equal(2030, stored.CurrentTerm.StartYear);
        Assert.Equal("m9", Assert.Single(stored.Committee.Members).MemberId);
    }

    [Fact]
    public async Task UpdateOrganisation_AnotherOrganisationsKey_Returns404AndChangesNothing()
    {
        var mine = await App.SeedAsync(OfficeTestApp.NewId("a"), null);
        var theirs = await App.SeedAsync(OfficeTestApp.NewId("b"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, mine.Id);
        var before = await App.Organisations.GetAsync(theirs.Id, Token);

        using var patch = await client.PatchAsJsonAsync($"{OrganisationsApi.Path}/{theirs.Id}", new UpdateOrganisationRequest("Đổi tên", null, null, null), Token);
        using var get = await client.GetAsync($"{OrganisationsApi.Path}/{theirs.Id}", Token);

        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", patch.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before!.ETag, (await App.Organisations.GetAsync(theirs.Id, Token))!.ETag);
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"name\": ")]
    [InlineData("{\"id\": 42, \"name\": [\"Chi bộ\"]}")]
    [InlineData("not json at all")]
    public async Task CreateOrganisation_MalformedOrWrongTypes_Returns400ProblemAndStoresNothing(string body)
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);

        using var response = await client.PostAsync(OrganisationsApi.Path, new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([root.Id], await SubtreeIdsAsync(root.Id));
    }

    [Fact]
    public async Task CreateOrganisation_InvalidFields_Returns400NamingEachField()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var request = Request(OfficeTestApp.NewId("cb"), root.Id) with { Code = "cb", Term = "2030", Members = [] };

        using var response = await client.PostAsJsonAsync(OrganisationsApi.Path, request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["code", "members", "term"], fields);
        Assert.Null(await App.Organisations.GetAsync(request.Id!, Token));
    }

    [Fact]
    public async Task CreateOrganisation_TwoSecretaries_Returns400WithTheCataloguesSentence()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var request = Request(OfficeTestApp.NewId("cb"), root.Id) with
        {
            Members =
            [
                new CommitteeMemberRequest("bt", "Phạm Thị Dung", "dung@example.vn", "Secretary"),
                new CommitteeMemberRequest("bt2", "Hoàng Văn Em", "em@example.vn", "Secretary"),
            ],
        };

        using var response = await client.PostAsJsonAsync(OrganisationsApi.Path, request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var members = problem.RootElement.GetProperty("errors").GetProperty("members")[0].GetString();
        Assert.Equal("Ban Thường vụ có đúng một Bí thư; danh sách gửi có 2 Bí thư.", members);
    }

    [Fact]
    public async Task CreateOrganisation_TakenId_Returns409InVietnameseAndKeepsTheFirst()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var request = Request(OfficeTestApp.NewId("cb"), root.Id);
        (await client.PostAsJsonAsync(OrganisationsApi.Path, request, Token)).Dispose();

        using var again = await client.PostAsJsonAsync(OrganisationsApi.Path, request with { Name = "Chi bộ khác" }, Token);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Token));
        Assert.Equal($"Mã tổ chức “{request.Id}” đã được dùng.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("Chi bộ Phòng Tổ chức", (await App.Organisations.GetAsync(request.Id!, Token))!.Value.Name);
    }

    [Theory]
    [InlineData("chi-bộ-1")]
    [InlineData("chi bo 1")]
    public async Task CreateOrganisation_IdNotAnAsciiSlug_Returns400OnTheId(string id)
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var request = Request(id, root.Id) with { Name = "Chi bộ 1" };

        using var response = await client.PostAsJsonAsync(OrganisationsApi.Path, request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(["id"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task CreateOrganisation_NameWithLineBreak_Returns400OnTheName()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var request = Request(OfficeTestApp.NewId("cb"), root.Id) with { Name = "Chi bộ\nPhòng 1" };

        using var response = await client.PostAsJsonAsync(OrganisationsApi.Path, request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(["name"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Null(await App.Organisations.GetAsync(request.Id!, Token));
    }

    [Fact]
    public async Task CreateOrganisation_OversizedBody_Returns413ProblemAndStoresNothing()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var request = Request(OfficeTestApp.NewId("cb"), root.Id) with { Name = new string('a', (int)OfficeApiOptions.MaxJsonBodyBytes + 1) };

        using var response = await client.PostAsJsonAsync(OrganisationsApi.Path, request, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await App.Organisations.GetAsync(request.Id!, Token));
    }

    [Fact]
    public async Task GetOpenApi_ListsTheOfficeRoutesWithProblemResponses()
    {
        using var client = new HttpClient { BaseAddress = new Uri(App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single()) };

        using var document = JsonDocument.Parse(await client.GetStringAsync(OfficeApi.OpenApiPath, Token));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/organisations", "/api/organisations/{organisationId}", "/api/organisations/{organisationId}/committee",
            "/api/organisations/{organisationId}/terms", "/api/organisations/{organisationId}/committee/replacements",
            "/api/organisations/{organisationId}/regulations",
            "/api/organisations/{organisationId}/regulations/{regulationId}/drafts",
            "/api/organisations/{organisationId}/regulations/{regulationId}/consultation",
            "/api/organisations/{organisationId}/regulations/{regulationId}/comments/{commentId}/resolution",
            "/api/organisations/{organisationId}/regulations/{regulationId}/vote",
            "/api/organisations/{organisationId}/regulations/{regulationId}/vote/deadline",
            "/api/organisations/{organisationId}/regulations/{regulationId}/vote/in-person-result",
            "/api/organisations/{organisationId}/regulations/{regulationId}/issuance",
            "/api/organisations/{organisationId}/regulations/{regulationId}/filing",
            "/api/organisations/{organisationId}/regulations/{regulationId}/reviews",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var drafts = paths.GetProperty("/api/organisations/{organisationId}/regulations/{regulationId}/drafts").GetProperty("post").GetProperty("responses");
        Assert.True(drafts.TryGetProperty("415", out _));
        Assert.True(drafts.TryGetProperty("413", out _));
        var issue = paths.GetProperty("/api/organisations/{organisationId}/regulations/{regulationId}/issuance").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(issue.TryGetProperty("application/json", out _), issue.ToString());
        Assert.True(issue.TryGetProperty("multipart/form-data", out _), issue.ToString());
    }

    [Fact]
    public async Task GetOpenApi_EnumsOfTheStateRecords_AreDescribedAsStrings()
    {
        using var client = new HttpClient { BaseAddress = new Uri(App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single()) };

        using var document = JsonDocument.Parse(await client.GetStringAsync(OfficeApi.OpenApiPath, Token));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var (schema, name) in new[] { ("VoteRoundStatus", "Open"), ("DraftingStage", "Drafting"), ("FilingStatus", "Acknowledged") })
        {
            var values = schemas.GetProperty(schema).GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.Contains(name, values);
        }
    }

    private static CreateOrganisationRequest Request(string id, string parentId) => new(
        id, "Chi bộ Phòng Tổ chức", "CB", "Agency", parentId, "2025-2030", "chibo@example.vn",
        [
            new CommitteeMemberRequest("bt", "Phạm Thị Dung", "dung@example.vn", "Secretary"),
            new CommitteeMemberRequest("pbt", "Hoàng Văn Em", "em@example.vn", "DeputySecretary"),
        ]);

    private async Task<List<string>> SubtreeIdsAsync(string rootId)
    {
        List<string> ids = [];
        await foreach (var loaded in App.Organisations.ListAsync(Token))
        {
            var path = await App.Organisations.GetPathAsync(loaded.Value.Id, Token);
            if (path!.Split('|')[0] == rootId)
            {
                ids.Add(loaded.Value.Id);
            }
        }

        return ids;
    }
}
