using System.Net;
using System.Text.Json;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Status;

public sealed class RegulationTimelineApiTests(StatusHostFixture fixture) : IClassFixture<StatusHostFixture>
{
    private StatusTestHost Host => fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetTimeline_RegulationInSubtree_ReturnsAuditEntriesOldestFirst()
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var response = await client.GetAsync(RegulationTimelineApi.PathFor("reg-base-1"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var root = json.RootElement;
        Assert.Equal("base-1", root.GetProperty("organisationId").GetString());
        Assert.Equal("InVote", root.GetProperty("stage").GetString());
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["regulation.created", "draft.uploaded", "vote.cast"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal("Ủy viên biểu quyết", entries[2].GetProperty("actionLabel").GetString());
        Assert.Equal("Nguyễn Thị Ánh 1", entries[2].GetProperty("actorDisplay").GetString());
        Assert.Equal("Agree", entries[2].GetProperty("details").GetProperty("choice").GetString());
        Assert.True(entries[0].GetProperty("at").GetDateTimeOffset() < entries[2].GetProperty("at").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("reg-huyen-cs")]
    [InlineData("khong-co")]
    public async Task GetTimeline_OutsideSubtreeOrUnknown_Returns404ProblemAlike(string regulationId)
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var response = await client.GetAsync(RegulationTimelineApi.PathFor(regulationId), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("Không tìm thấy quy chế", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Huyện ủy", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a%7Cb")]
    [InlineData("qc-01234567890123456789012345678901234567890123456789012345678901")]
    public async Task GetTimeline_InvalidId_Returns400Problem(string escapedId)
    {
        using var client = Host.CreateClient(Host.BlocKey);

        using var response = await client.GetAsync($"/api/regulations/{escapedId}/timeline", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetTimeline_DistrictKey_SeesItsOwnRegulationOnly()
    {
        using var client = Host.CreateClient(Host.DistrictKey);

        using var own = await client.GetAsync(RegulationTimelineApi.PathFor("reg-huyen-cs"), Token);
        using var other = await client.GetAsync(RegulationTimelineApi.PathFor("reg-base-1"), Token);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
