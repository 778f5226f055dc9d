using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Office.Import;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Testing;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.Office;

public sealed class OrganisationImportApiTests(OfficeAppFixture fixture, AzuriteFixture azurite) : IClassFixture<OfficeAppFixture>
{
    private const string OrganisationsHeader = "id,parentId,name,code,type,term,officeEmail,secretaryId,secretaryName,secretaryEmail";
    private const string MembersHeader = "organisationId,memberId,fullName,role,email";

    private OfficeTestApp App => fixture.App;

    private AuditLog Audit => App.Services.GetRequiredService<AuditLog>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportOrganisations_ChildrenBeforeTheirParents_CreatesTheTreeAuditedWithStatusRows()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var (bloc, cell) = (OfficeTestApp.NewId("duk"), OfficeTestApp.NewId("cb"));
        var csv = "\uFEFF" + string.Join("\r\n",
            OrganisationsHeader.Replace(',', ';'),
            $"{cell};{bloc};\"Chi bộ Phòng Tổ chức; Hành chính\";CB;Agency;2025-2030;;bt1;Phạm Thị Dung;dung@example.vn",
            $"{bloc};{root.Id};Đảng ủy Khối các cơ quan tỉnh;ĐUK;Agency;2025-2030;vp@example.vn;bt2;Lê Văn Chính;chinh@example.vn",
            "");

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(csv), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<ImportSummary>(Token);
        Assert.Equal(2, summary!.Created);
        Assert.Equal([bloc, cell], summary.CreatedIds);
        Assert.Equal($"{root.Id}|{bloc}|{cell}", await App.Organisations.GetPathAsync(cell, Token));
        var stored = (await App.Organisations.GetAsync(cell, Token))!.Value;
        Assert.Equal("Chi bộ Phòng Tổ chức; Hành chính", stored.Name);
        Assert.Equal("bt1", stored.Committee.Secretary.MemberId);
        Assert.Equal("vp@example.vn", (await App.Organisations.GetAsync(bloc, Token))!.Value.OfficeEmail);
        Assert.Equal("organisation.created", Assert.Single(await Audit.ReadAsync(cell, Token).ToListAsync(Token)).Record.Action);
        var status = await App.Services.GetRequiredService<StatusProjection>().QuerySubtreeAsync(bloc, cancellationToken: Token);
        Assert.Equal(2, status.Count);
    }

    [Fact]
    public async Task ImportOrganisations_ThreeLevelsInMixedOrder_StoresEveryPathBelowTheRoot()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var prefix = OfficeTestApp.NewId("o");
        List<(string Id, string Parent, string Path)> tree = [];
        for (var b = 0; b < 3; b++)
        {
            var bloc = $"{prefix}-{b}";
            tree.Add((bloc, root.Id, $"{root.Id}|{bloc}"));
            for (var c = 0; c < 4; c++)
            {
                var basis = $"{bloc}-{c}";
                tree.Add((basis, bloc, $"{root.Id}|{bloc}|{basis}"));
                for (var d = 0; d < 2; d++)
                {
                    tree.Add(($"{basis}-{d}", basis, $"{root.Id}|{bloc}|{basis}|{basis}-{d}"));
                }
            }
        }

        var mixed = tree.Where((_, i) => i % 2 == 1).Reverse().Concat(tree.Where((_, i) => i % 2 == 0)).ToList();

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(OrganisationsFile([.. mixed.Select(o => Row(o.Id, o.Parent))])), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(tree.Count, (await response.Content.ReadFromJsonAsync<ImportSummary>(Token))!.Created);
        foreach (var (id, _, path) in tree)
        {
            Assert.Equal(path, await App.Organisations.GetPathAsync(id, Token));
        }

        var status = await App.Services.GetRequiredService<StatusProjection>().QuerySubtreeAsync(root.Id, cancellationToken: Token);
        // The seeded root has no status row of its own: only the imported organisations were refreshed.
        Assert.Equal(tree.Select(o => o.Id).Order(StringComparer.Ordinal), status.Select(s => s.OrganisationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ImportOrganisations_OneBadRow_Returns400NamingLineAndColumnAndStoresNothing()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var before = await App.Organisations.GetAsync(root.Id, Token);
        var ids = Enumerable.Range(0, 4).Select(_ => OfficeTestApp.NewId("cb")).ToList();
        var csv = OrganisationsFile(
            Row(ids[0], root.Id, "Chi bộ 1 đổi tên"),
            Row(ids[1], ids[0]),
            Row(ids[2], root.Id) .Replace("vp@example.vn", "vp@@example"),
            Row(ids[3], root.Id));
        var rootRename = $"{root.Id},,Tên mới,ĐU,Agency,2025-2030,,,,";

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(csv + rootRename + "\n"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["dòng 4, cột officeEmail"], errors.Keys);
        Assert.Equal(["Địa chỉ e-mail không hợp lệ."], errors["dòng 4, cột officeEmail"]);
        foreach (var id in ids)
        {
            Assert.Null(await App.Organisations.GetAsync(id, Token));
        }

        Assert.Equal(before!.ETag, (await App.Organisations.GetAsync(root.Id, Token))!.ETag);
        Assert.Empty(await Audit.ReadAsync(root.Id, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task ImportOrganisations_SameFileAgain_ReportsAllUnchangedAndAddsNoAuditEntries()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var (a, b) = (OfficeTestApp.NewId("cb"), OfficeTestApp.NewId("cb"));
        var csv = OrganisationsFile(Row(a, root.Id), Row(b, a));
        using var first = await client.PostAsync(OrganisationImportApi.Path, Multipart(csv), Token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = (await App.Organisations.GetAsync(b, Token))!.ETag;

        using var second = await client.PostAsync(OrganisationImportApi.Path, Multipart(csv), Token);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var summary = await second.Content.ReadFromJsonAsync<ImportSummary>(Token);
        Assert.Equal((0, 0, 2), (summary!.Created, summary.Updated, summary.Unchanged));
        Assert.Equal([a, b], summary.UnchangedIds);
        Assert.Equal(etag, (await App.Organisations.GetAsync(b, Token))!.ETag);
        Assert.Single(await Audit.ReadAsync(a, Token).ToListAsync(Token));
        Assert.Single(await Audit.ReadAsync(b, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task ImportOrganisations_ChangedNameOfOneRow_UpdatesAndAuditsOnlyThatOrganisation()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var existing = await App.SeedAsync(OfficeTestApp.NewId("cb"), root.Id);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var csv = "id,parentId,name,code,type,term\n" +
            $"{root.Id},,{root.Name},ĐU,Agency,2025-2030\n" +
            $"{existing.Id},{root.Id},Chi bộ đổi tên,CB,Enterprise,2025-2030\n";

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(csv), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<ImportSummary>(Token);
        Assert.Equal([existing.Id], summary!.UpdatedIds);
        Assert.Equal([root.Id], summary.UnchangedIds);
        var stored = (await App.Organisations.GetAsync(existing.Id, Token))!.Value;
        Assert.Equal(("Chi bộ đổi tên", "CB", "Enterprise"), (stored.Name, stored.Code.Value, stored.Type.ToString()));
        Assert.Equal(existing.Committee.Members, stored.Committee.Members);
        Assert.Equal("organisation.updated", Assert.Single(await Audit.ReadAsync(existing.Id, Token).ToListAsync(Token)).Record.Action);
        Assert.Empty(await Audit.ReadAsync(root.Id, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task ImportOrganisations_CommitteeNameColumn_StoresItEmptyDerivesAndAbsentKeeps()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var (own, derived) = (OfficeTestApp.NewId("db"), OfficeTestApp.NewId("db"));
        var withColumn = "id,parentId,name,code,type,term,committeeName,secretaryId,secretaryName,secretaryEmail\n" +
            $"{own},{root.Id},Đảng bộ tỉnh Sông Hồng,TU,Agency,2025-2030,Tỉnh ủy Sông Hồng,bt,Phạm Thị Dung,dung@example.vn\n" +
            $"{derived},{root.Id},Đảng bộ Sở Tài chính,ĐU,Agency,2025-2030,,bt,Lê Văn Chính,chinh@example.vn\n";

        using var created = await client.PostAsync(OrganisationImportApi.Path, Csv(withColumn), Token);
        var ownStored = (await App.Organisations.GetAsync(own, Token))!.Value;
        var derivedStored = (await App.Organisations.GetAsync(derived, Token))!.Value;
        // Without the column, a committee's own name stays as it is.
        var withoutColumn = "id,parentId,name,code,type,term\n" + $"{own},{root.Id},Đảng bộ tỉnh Sông Hồng,TU,Agency,2025-2030\n";
        using var again = await client.PostAsync(OrganisationImportApi.Path, Csv(withoutColumn), Token);
        var summary = await again.Content.ReadFromJsonAsync<ImportSummary>(Token);
        // With the column empty, it follows the name again.
        var cleared = "id,parentId,name,code,type,term,committeeName\n" + $"{own},{root.Id},Đảng bộ tỉnh Sông Hồng,TU,Agency,2025-2030,\n";
        using var clearing = await client.PostAsync(OrganisationImportApi.Path, Csv(cleared), Token);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("Tỉnh ủy Sông Hồng", ownStored.CommitteeName);
        Assert.Equal("Văn phòng Tỉnh ủy Sông Hồng", ownStored.OfficeName);
        Assert.False(derivedStored.HasOwnCommitteeName);
        Assert.Equal("Đảng ủy Sở Tài chính", derivedStored.CommitteeName);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([own], summary!.UnchangedIds);
        Assert.Equal(HttpStatusCode.OK, clearing.StatusCode);
        Assert.Equal("Đảng ủy tỉnh Sông Hồng", (await App.Organisations.GetAsync(own, Token))!.Value.CommitteeName);
    }

    [Fact]
    public async Task ImportOrganisations_ChangedParentOrTerm_Returns400AndKeepsTheOrganisation()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var left = await App.SeedAsync(OfficeTestApp.NewId("a"), root.Id);
        var right = await App.SeedAsync(OfficeTestApp.NewId("b"), root.Id);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var before = await App.Organisations.GetAsync(right.Id, Token);
        var csv = "id,parentId,name,code,type,term\n" +
            $"{right.Id},{left.Id},Đổi tên,ĐU,Agency,2025-2030\n" +
            $"{left.Id},{root.Id},Đổi tên,ĐU,Agency,2030-2035\n";

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(csv), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["dòng 2, cột parentId", "dòng 3, cột term"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before!.ETag, (await App.Organisations.GetAsync(right.Id, Token))!.ETag);
    }

    [Fact]
    public async Task ImportOrganisations_ParentOutsideTheCallersSubtreeOrNoParent_Returns400AndStoresNothing()
    {
        var mine = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var theirs = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, mine.Id);
        var (inside, outside, root) = (OfficeTestApp.NewId("cb"), OfficeTestApp.NewId("cb"), OfficeTestApp.NewId("tu"));
        var csv = OrganisationsFile(Row(inside, mine.Id), Row(outside, theirs.Id), Row(root, ""));

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(csv), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["dòng 3, cột parentId", "dòng 4, cột parentId"], errors.Keys.Order(StringComparer.Ordinal));
        foreach (var id in new[] { inside, outside, root })
        {
            Assert.Null(await App.Organisations.GetAsync(id, Token));
        }
    }

    [Fact]
    public async Task ImportOrganisations_NewOrganisationsNamingEachOtherAsParent_Returns400ForTheCycle()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var (a, b) = (OfficeTestApp.NewId("a"), OfficeTestApp.NewId("b"));

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(OrganisationsFile(Row(a, b), Row(b, a))), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["dòng 2, cột parentId", "dòng 3, cột parentId"], (await ErrorsAsync(response)).Keys.Order(StringComparer.Ordinal));
        Assert.Null(await App.Organisations.GetAsync(a, Token));
    }

    [Fact]
    public async Task ImportOrganisations_IdempotencyKeyUsedAgain_ReturnsTheFirstOutcome()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var id = OfficeTestApp.NewId("cb");
        var key = OfficeTestApp.NewId("import");

        async Task<ImportSummary?> PostAsync()
        {
            using var content = Csv(OrganisationsFile(Row(id, root.Id)));
            using HttpRequestMessage request = new(HttpMethod.Post, OrganisationImportApi.Path) { Content = content };
            request.Headers.Add(RegulationsApi.IdempotencyKeyHeader, key);
            using var response = await client.SendAsync(request, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<ImportSummary>(Token);
        }

        var first = await PostAsync();
        var replay = await PostAsync();

        Assert.Equal([id], first!.CreatedIds);
        Assert.Equal([id], replay!.CreatedIds);
        Assert.Single(await Audit.ReadAsync(id, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task ImportCommittees_RowsOfEachOrganisation_ReplaceItsCommitteeOnceAndNotOnReimport()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var a = await App.SeedAsync(OfficeTestApp.NewId("a"), root.Id);
        var b = await App.SeedAsync(OfficeTestApp.NewId("b"), root.Id);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var csv = string.Join("\n",
            MembersHeader,
            $"{a.Id},x1,Ngô Thị Hoa,Secretary,hoa@example.vn",
            $"{b.Id},y1,\"Đinh Văn Khoa, Thạc sĩ\",Secretary,khoa@example.vn",
            $"{a.Id},x2,Vũ Văn Long,DeputySecretary,long@example.vn",
            $"{a.Id},x3,Mai Thị Mơ,Member,mo@example.vn",
            "");

        using var response = await client.PostAsync(OrganisationImportApi.MembersPath, Csv(csv), Token);
        using var again = await client.PostAsync(OrganisationImportApi.MembersPath, Csv(csv), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<ImportSummary>(Token);
        Assert.Equal([a.Id, b.Id], summary!.UpdatedIds);
        var storedA = (await App.Organisations.GetAsync(a.Id, Token))!.Value;
        Assert.Equal(["x1", "x2", "x3"], storedA.Committee.Members.Select(m => m.MemberId));
        Assert.Equal("Đinh Văn Khoa, Thạc sĩ", Assert.Single((await App.Organisations.GetAsync(b.Id, Token))!.Value.Committee.Members).FullName);
        Assert.Equal("organisation.committee-replaced", Assert.Single(await Audit.ReadAsync(a.Id, Token).ToListAsync(Token)).Record.Action);
        var second = await again.Content.ReadFromJsonAsync<ImportSummary>(Token);
        Assert.Equal([a.Id, b.Id], second!.UnchangedIds);
        Assert.Single(await Audit.ReadAsync(b.Id, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task ImportCommittees_InvalidCommittees_Returns400WithTheirLinesAndStoresNothing()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var a = await App.SeedAsync(OfficeTestApp.NewId("a"), root.Id);
        var b = await App.SeedAsync(OfficeTestApp.NewId("b"), root.Id);
        var c = await App.SeedAsync(OfficeTestApp.NewId("c"), root.Id);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var before = await App.Organisations.GetAsync(c.Id, Token);
        var csv = string.Join("\n",
            MembersHeader,
            $"{a.Id},x1,Ngô Thị Hoa,Member,hoa@example.vn",
            $"{a.Id},x2,Vũ Văn Long,DeputySecretary,long@example.vn",
            $"{b.Id},y1,Đinh Văn Khoa,Secretary,khoa@example.vn",
            $"{b.Id},y1,Đinh Văn Khoa,Member,khoa2@example.vn",
            $"{c.Id},z1,Mai Thị Mơ,Secretary,mo(at)example.vn");

        using var response = await client.PostAsync(OrganisationImportApi.MembersPath, Csv(csv), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains($"dòng 2, 3 (Ban Thường vụ của tổ chức {a.Id})", errors.Keys);
        Assert.Contains("dòng 5, cột memberId", errors.Keys);
        Assert.Equal(["Địa chỉ e-mail không hợp lệ."], errors["dòng 6, cột email"]);
        Assert.Equal(before!.ETag, (await App.Organisations.GetAsync(c.Id, Token))!.ETag);
        Assert.Equal(["m1", "m2"], (await App.Organisations.GetAsync(b.Id, Token))!.Value.Committee.Members.Select(m => m.MemberId));
        Assert.Empty(await Audit.ReadAsync(a.Id, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task ImportCommittees_OrganisationOutsideTheCallersSubtree_Returns400()
    {
        var mine = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        var theirs = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, mine.Id);
        var before = await App.Organisations.GetAsync(theirs.Id, Token);

        using var response = await client.PostAsync(OrganisationImportApi.MembersPath,
            Csv($"{MembersHeader}\n{theirs.Id},x1,Ngô Thị Hoa,Secretary,hoa@example.vn\n"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["dòng 2, cột organisationId"], (await ErrorsAsync(response)).Keys);
        Assert.Equal(before!.ETag, (await App.Organisations.GetAsync(theirs.Id, Token))!.ETag);
    }

    [Fact]
    public async Task ImportOrganisations_BodyOverTheUploadLimit_Returns413Problem()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);
        var id = OfficeTestApp.NewId("cb");
        var csv = OrganisationsFile(Row(id, root.Id)) + new string(',', (int)OfficeTestApp.MaxUploadBytes);

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(csv), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await App.Organisations.GetAsync(id, Token));
    }

    [Fact]
    public async Task ImportOrganisations_MoreRowsThanTheLimit_Returns400ProblemAndStoresNothing()
    {
        await using var app = await OfficeTestApp.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            [AppSettings.OfficeMaxImportRows] = "3",
        });
        var root = await app.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await app.ClientForAsync(ApiRole.Office, root.Id);
        var ids = Enumerable.Range(0, 4).Select(_ => OfficeTestApp.NewId("cb")).ToList();

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(OrganisationsFile([.. ids.Select(id => Row(id, root.Id))])), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains("vượt giới hạn 3 dòng", Assert.Single(errors["tệp"]), StringComparison.Ordinal);
        Assert.Null(await app.Organisations.GetAsync(ids[0], Token));
    }

    [Fact]
    public async Task ImportOrganisations_SpreadsheetWithBlankTrailingColumns_IsImported()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var (first, second) = (OfficeTestApp.NewId("cb"), OfficeTestApp.NewId("cb"));
        // As a spreadsheet saves it with two empty columns after the last named one; one row keeps them, one does not.
        var csv = string.Join("\r\n",
            OrganisationsHeader + ",,",
            $"{first},{root.Id},Chi bộ Văn phòng,CB,Agency,2025-2030,,bt1,Phạm Thị Dung,dung@example.vn,,",
            $"{second},{root.Id},Chi bộ Kế toán,CB,Agency,2025-2030,,bt2,Lê Văn Chính,chinh@example.vn",
            "");

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(csv), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([first, second], (await response.Content.ReadFromJsonAsync<ImportSummary>(Token))!.CreatedIds);
        Assert.Equal("Chi bộ Kế toán", (await App.Organisations.GetAsync(second, Token))!.Value.Name);
    }

    [Fact]
    public async Task ImportOrganisations_DataUnderAColumnWithoutName_Returns400AndStoresNothing()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.UpperLevelOffice, root.Id);
        var id = OfficeTestApp.NewId("cb");
        var csv = string.Join("\n",
            OrganisationsHeader + ",",
            $"{id},{root.Id},Chi bộ Văn phòng,CB,Agency,2025-2030,,bt1,Phạm Thị Dung,dung@example.vn,ghi chú lạc cột",
            "");

        using var response = await client.PostAsync(OrganisationImportApi.Path, Csv(csv), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cột không có tên", Assert.Single((await ErrorsAsync(response))["dòng 2"]), StringComparison.Ordinal);
        Assert.Null(await App.Organisations.GetAsync(id, Token));
    }

    [Fact]
    public async Task ImportOrganisations_UnknownColumnOrNotCsv_IsRefused()
    {
        var root = await App.SeedAsync(OfficeTestApp.NewId("tu"), null);
        using var client = await App.ClientForAsync(ApiRole.Office, root.Id);

        using var badHeader = await client.PostAsync(OrganisationImportApi.Path, Csv("id,parentId,name,code,type,term,offceEmail\n"), Token);
        using var json = await client.PostAsJsonAsync(OrganisationImportApi.Path, new { id = "x" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, badHeader.StatusCode);
        Assert.Equal(["dòng 1"], (await ErrorsAsync(badHeader)).Keys);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetOpenApi_ListsBothImportsWithCsvBodies()
    {
        using var client = new HttpClient { BaseAddress = new Uri(App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single()) };

        using var document = JsonDocument.Parse(await client.GetStringAsync(OfficeApi.OpenApiPath, Token));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { OrganisationImportApi.Path, OrganisationImportApi.MembersPath })
        {
            var post = paths.GetProperty(path).GetProperty("post");
            Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _), path);
            Assert.True(post.GetProperty("responses").TryGetProperty("413", out _), path);
        }
    }

    private static string Row(string id, string parentId, string name = "Chi bộ") =>
        $"{id},{parentId},{name},CB,Agency,2025-2030,vp@example.vn,bt,Phạm Thị Dung,dung@example.vn";

    private static string OrganisationsFile(params string[] rows) => string.Join("\n", [OrganisationsHeader, .. rows]) + "\n";

    private static StringContent Csv(string text) => new(text, new UTF8Encoding(false), "text/csv");

    private static MultipartFormDataContent Multipart(string text)
    {
        ByteArrayContent file = new(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, ImportUploads.FilePart, "to-chuc.csv" } };
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
