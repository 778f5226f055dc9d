using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Status;

public sealed class StatusApiTests(StatusHostFixture fixture) : IClassFixture<StatusHostFixture>
{
    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStatus_BlocKey_ReturnsItsSubtreeWithRollUpsAndNamesButNoSibling()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var json = await GetJsonAsync(client, StatusApi.Path);

        var root = json.RootElement;
        Assert.Equal("duk", root.GetProperty("rootOrganisationId").GetString());
        Assert.Equal(["duk", "base-1", "base-2", "base-3"], Ids(root));
        Assert.Equal(4, root.GetProperty("count").GetInt32());
        var voting = Row(root, "base-1");
        Assert.Equal(1, voting.GetProperty("depth").GetInt32());
        Assert.Equal("InVote", voting.GetProperty("stage").GetString());
        Assert.Equal("Ban Thường vụ đang biểu quyết", voting.GetProperty("stageLabel").GetString());
        Assert.Equal(1, voting.GetProperty("draftVersion").GetInt32());
        Assert.Equal("2/7 phiếu biểu quyết", voting.GetProperty("pendingSummary").GetString());
        Assert.Equal(
            [("m6", "Nguyễn Thị Ánh 6"), ("m7", "Nguyễn Thị Ánh 7")],
            voting.GetProperty("pendingFrom").EnumerateArray().Select(p => (p.GetProperty("id").GetString(), p.GetProperty("name").GetString())));
        var filed = Row(root, "base-2");
        Assert.Equal("01-QC/ĐU", filed.GetProperty("regulationNumber").GetString());
        Assert.Equal("2026-03-16", filed.GetProperty("issuedOn").GetString());
        Assert.Equal("2026-09-16", filed.GetProperty("nextReviewDue").GetString());
        Assert.True(filed.GetProperty("isOverdue").GetBoolean());
        Assert.Equal("Quá hạn rà soát", filed.GetProperty("complianceLabel").GetString());
        Assert.Equal("duk", filed.GetProperty("pendingFrom")[0].GetProperty("id").GetString());
        Assert.Equal("Đảng ủy duk — Khối cơ quan tỉnh", filed.GetProperty("pendingFrom")[0].GetProperty("name").GetString());
        Assert.NotEqual(JsonValueKind.Null, filed.GetProperty("filedAt").ValueKind);
        var missing = Row(root, "base-3");
        Assert.True(missing.GetProperty("isMissing").GetBoolean());
        Assert.Equal("Chưa có quy chế", missing.GetProperty("stageLabel").GetString());
    }

    [Fact]
    public async Task GetStatus_VoteRowWrittenWithoutNames_ReadsTheCommitteeForThem()
    {
        // A row refreshed before the names were kept: the members' names come from the organisation instead.
        var table = await Host.Get<StateTables>().GetAsync(StatusProjection.TableName, Token);
        TableEntity row = await table.GetEntityAsync<TableEntity>("tinh-uy", "tinh-uy|duk|base-1", cancellationToken: Token);
        Assert.True(row.Remove("PendingNames"));
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, Token);
        Host.Get<StatusProjection>().ForgetTrees();
        using var client = Host.CreateClient(Host.BlocKey);

        using var json = await GetJsonAsync(client, StatusApi.Path + "?organisationId=base-1");

        // The class shares the seeded tree: the row is written again as the other tests expect it.
        await Host.Get<StatusProjection>().RefreshAsync("base-1", Token);
        Assert.Equal(
            [("m6", "Nguyễn Thị Ánh 6"), ("m7", "Nguyễn Thị Ánh 7")],
            Row(json.RootElement, "base-1").GetProperty("pendingFrom").EnumerateArray()
                .Select(p => (p.GetProperty("id").GetString(), p.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task GetStatus_OrganisationInsideSubtree_ReturnsThatBranchOnly()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var json = await GetJsonAsync(client, StatusApi.Path + "?organisationId=base-2");

        Assert.Equal(["base-2"], Ids(json.RootElement));
        Assert.Equal(0, Row(json.RootElement, "base-2").GetProperty("depth").GetInt32());
    }

    [Theory]
    [InlineData("huyen")]
    [InlineData("huyen-cs")]
    [InlineData("tinh-uy")]
    [InlineData("khong-ton-tai")]
    public async Task GetStatus_OrganisationOutsideSubtree_Returns404ProblemWithoutData(string organisationId)
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var response = await client.GetAsync($"{StatusApi.Path}?organisationId={organisationId}", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("Không tìm thấy tổ chức", body, StringComparison.Ordinal);
        Assert.DoesNotContain(organisationId == "khong-ton-tai" ? "\"organisations\"" : "Đảng ủy", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_Json_WritesVietnameseAsUtf8NotEscapes()
    {
        using var client = Host.CreateClient(Host.DistrictKey);

        using var response = await client.GetAsync(StatusApi.Path, Token);

        string body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("xã An Phú", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00E3", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u0022Phòng 1\\u0022", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_AnotherOrganisationsKey_SeesOnlyItsOwnTree()
    {
        using var client = Host.CreateClient(Host.DistrictKey);

        using var json = await GetJsonAsync(client, StatusApi.Path);

        Assert.Equal(["huyen", "huyen-cs"], Ids(json.RootElement));
        using var bloc = await client.GetAsync(StatusApi.Path + "?organisationId=duk", Token);
        Assert.Equal(HttpStatusCode.NotFound, bloc.StatusCode);
    }

    [Fact]
    public async Task GetStatus_WithoutKey_Returns401()
    {
        using var client = Host.CreateClient(apiKey: null);

        using var response = await client.GetAsync(StatusApi.Path, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("overdue=true", new[] { "base-2" })]
    [InlineData("overdue=false", new[] { "duk", "base-1", "base-3" })]
    [InlineData("missing=true", new[] { "duk", "base-1", "base-3" })]
    [InlineData("compliance=ReviewOverdue", new[] { "base-2" })]
    [InlineData("compliance=inpreparation", new[] { "base-1" })]
    [InlineData("stage=InVote", new[] { "base-1" })]
    [InlineData("stage=None", new[] { "duk", "base-3" })]
    [InlineData("type=Agency&overdue=true", new[] { "base-2" })]
    [InlineData("type=Enterprise", new string[0])]
    public async Task GetStatus_Filter_ReturnsMatchingRows(string filter, string[] expected)
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var json = await GetJsonAsync(client, $"{StatusApi.Path}?{filter}");

        Assert.Equal(expected, Ids(json.RootElement));
    }

    [Theory]
    [InlineData("overdue=yes", "overdue")]
    [InlineData("stage=Voting", "stage")]
    [InlineData("stage=1", "stage")]
    [InlineData("compliance=InForce,Missing", "compliance")]
    [InlineData("type=", "type")]
    [InlineData("overdue=true&overdue=false", "overdue")]
    [InlineData("organisationId=a%7Cb", "organisationId")]
    [InlineData("format=xml", "format")]
    [InlineData("q=", "q")]
    public async Task GetStatus_InvalidFilter_Returns400ProblemNamingTheParameter(string filter, string parameter)
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var response = await client.GetAsync($"{StatusApi.Path}?{filter}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("Tham số lọc không hợp lệ", problem.RootElement.GetProperty("title").GetString());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task GetStatus_AcceptCsv_ReturnsUtf8WithBomThatParsesBackToTheRows()
    {
        using var client = Host.CreateClient(Host.DistrictKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, StatusApi.Path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var records = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(StatusCsv.Headers, records[0]);
        Assert.Equal(3, records.Count);
        var child = records.Single(r => r[0] == "huyen-cs");
        Assert.Equal(StatusTestHost.DistrictChildName, child[1]);
        Assert.Equal("Ban Thường vụ đang biểu quyết", child[8]);
        Assert.Equal("3/3 phiếu biểu quyết", child[15]);
        Assert.Equal("Nguyễn Thị Ánh 1; Nguyễn Thị Ánh 2; Nguyễn Thị Ánh 3", child[16]);
        Assert.Equal("Có", child[18]);
    }

    [Fact]
    public async Task GetStatus_FormatCsvWithFilter_ReturnsOnlyFilteredRowsWithVietnamDates()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        string text = await client.GetStringAsync($"{StatusApi.Path}?format=csv&overdue=true", Token);

        var records = ParseCsv(text.TrimStart('\uFEFF'));
        Assert.Equal(2, records.Count);
        Assert.Equal("base-2", records[1][0]);
        Assert.Equal("16/03/2026", records[1][10]);
        Assert.Equal("16/09/2026", records[1][14]);
        Assert.Equal("Có", records[1][17]);
    }

    [Fact]
    public async Task GetStatus_RevokedKey_Returns401()
    {
        // A key of its own: the class's other tests keep using the bloc's.
        var key = await Host.Get<ApiKeyStore>().CreateAsync(ApiRole.UpperLevelOffice, "duk", "kiểm thử", Token);
        await Host.Get<ApiKeyStore>().RevokeAsync(key.Record.KeyId, Token);
        using var client = Host.CreateClient(key.Key);

        using var response = await client.GetAsync(StatusApi.Path, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static string[] Ids(JsonElement report) =>
        [.. report.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("organisationId").GetString()!)];

    private static JsonElement Row(JsonElement report, string id) =>
        report.GetProperty("organisations").EnumerateArray().Single(o => o.GetProperty("organisationId").GetString() == id);

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Token);
        string body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body);
    }

    /// <summary>An RFC 4180 reader, independent of the writer: quoted fields, doubled quotes, CRLF records.</summary>
    internal static List<string[]> ParseCsv(string text)
    {
        List<string[]> records = [];
        List<string> fields = [];
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "An unterminated quoted field.");
        Assert.Equal(0, field.Length + fields.Count);
        return records;
    }
}
