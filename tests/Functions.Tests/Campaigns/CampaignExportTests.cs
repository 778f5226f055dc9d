using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Quality;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.OfficeConsole;

namespace QuyCheWorkflow.Functions.Tests.Campaigns;

/// <summary>
/// The copy and quality figures in a campaign's report, over the comparison seed ("khoi" → "co-so-1", whose draft came
/// from the model and whose closed consultation was all bare agreement, so formal; "co-so-2", a scanned draft).
/// </summary>
public sealed class CampaignExportTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleTestHost _host = fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CsvApiAndPage_FormalConsultation_CarryEachMembersLikenessCopiedAndFormalFlags()
    {
        var campaign = await SeedAndStartAsync("dot-chat-luong-1");
        using var api = _host.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("ApiKey", (await _host.Get<ApiKeyStore>().CreateAsync(ApiRole.UpperLevelOffice, "khoi", "kiểm thử", Ct)).Key);
        var person = await _host.CreateAccountAsync("khoi", ApiRole.UpperLevelOffice, "Trần Văn Khối", Ct);
        using var console = await _host.SignInAsync(person.Email, Ct);

        using var json = JsonDocument.Parse(await api.GetStringAsync($"{CampaignsApi.Path}/{campaign.Id}", Ct));
        var csv = Encoding.UTF8.GetString(await api.GetByteArrayAsync($"{CampaignsApi.Path}/{campaign.Id}/export.csv", Ct));
        var page = WebUtility.HtmlDecode(await console.GetStringAsync(ConsolePaths.Campaign(campaign.Id), Ct));

        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("formalConsultationCount").GetInt32());
        Assert.Equal(0, root.GetProperty("copiedCount").GetInt32());
        var member = root.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organisationId").GetString() == "co-so-1");
        Assert.True(member.GetProperty("isConsultationFormal").GetBoolean());
        Assert.True(member.GetProperty("lastConsultation").GetProperty("isFormal").GetBoolean());
        Assert.Equal(100, member.GetProperty("lastConsultation").GetProperty("bareAgreementPercent").GetInt32());
        Assert.False(member.GetProperty("isCopiedFromPreviousTerm").GetBoolean());
        Assert.Equal(JsonValueKind.Object, member.GetProperty("likeness").GetProperty("previousTerm").ValueKind);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.EndsWith(",Giống quy chế nhiệm kỳ trước,Sao chép nhiệm kỳ trước,Lấy ý kiến hình thức", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",không có văn bản đối chiếu,Không,Có", lines.Single(l => l.StartsWith("co-so-1,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> tổ chức lấy ý kiến góp ý mang tính hình thức", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ConsolePaths.Regulation("co-so-1", ComparisonSeed.RegulationId, ConsolePaths.QualityStep)}\">Trả lời 100 %", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge badge--formal\">hình thức</span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvAndXlsx_ARowFlaggedCopied_CountItAndSayCó()
    {
        var campaign = await SeedAndStartAsync("dot-chat-luong-2");
        var copied = new TextLikeness(new LikenessFigure(LikenessKind.Measured, 96), LikenessFigure.NoReference, IsCopiedFromPreviousTerm: true);
        var rows = (await _host.Get<StatusProjection>().QuerySubtreeAsync("khoi", cancellationToken: Ct))
            .Select(r => r.OrganisationId == "co-so-2" ? r with { Likeness = copied } : r);

        var rollUp = CampaignRollUps.Compute(campaign, rows, _host.Clock.GetUtcNow());
        var csv = Encoding.UTF8.GetString(CampaignExport.Csv(rollUp));
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(CampaignExport.Xlsx(rollUp)), false);
        var cells = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text).ToList();
        var response = CampaignResponse.From(rollUp, CampaignComplianceState.UnderWay);

        Assert.Equal(1, rollUp.CopiedCount);
        Assert.Equal(1, rollUp.FormalConsultationCount);
        var member = rollUp.Members.Single(m => m.OrganisationId == "co-so-2");
        Assert.True(member.IsCopiedFromPreviousTerm);
        Assert.False(member.IsConsultationFormal);
        Assert.EndsWith(",96 %,Có,", csv.Split("\r\n").Single(l => l.StartsWith("co-so-2,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Sao chép nhiệm kỳ trước", cells);
        Assert.Contains("96 %", cells);
        Assert.Equal(1, response.CopiedCount);
        Assert.True(response.Members!.Single(m => m.OrganisationId == "co-so-2").IsCopiedFromPreviousTerm);
    }

    private async Task<Campaign> SeedAndStartAsync(string id)
    {
        await ComparisonSeed.EnsureAsync(_host, Ct);
        await _host.Get<StatusProjection>().RefreshAsync("co-so-1", Ct);
        await _host.Get<StatusProjection>().RefreshAsync("co-so-2", Ct);
        var deadline = Domain.Calendar.VietnamTime.DateOf(_host.Clock.GetUtcNow()).AddDays(60);
        return await CampaignSeeds.StartAsync(_host.App.Services, "khoi", id, "Ban hành quy chế làm việc nhiệm kỳ 2025 - 2030", deadline, Ct);
    }
}
