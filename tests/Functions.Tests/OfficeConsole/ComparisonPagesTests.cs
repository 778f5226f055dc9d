using System.Net;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Documents;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Quality;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Tests.Office;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

public sealed class ComparisonPagesTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleTestHost _host = fixture.Host;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string ComparisonPath(string organisationId, string regulationId, string query = "") =>
        ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.ComparisonStep) + query;

    [Fact]
    public async Task Comparison_DraftAgainstTheModel_ShowsTheFigureEachArticleAndTheWordDiff()
    {
        using var client = await SignedInAsync("co-so-1");

        using var response = await client.GetAsync(ComparisonPath("co-so-1", ComparisonSeed.RegulationId, "?draft=2&with=model"), Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        int expected = RegulationText.Compare(
            RegulationText.Parse(string.Join('\n', RegulationSamples.Draft)), RegulationText.Parse(string.Join('\n', RegulationSamples.PreviousTerm))).SimilarityPercent;
        Assert.Contains($"Dự thảo lần 2 giống <strong>{expected} %</strong> quy chế mẫu", html, StringComparison.Ordinal);
        Assert.Contains("4 điều không thay đổi", html, StringComparison.Ordinal);
        Assert.Contains("1 điều có thay đổi", html, StringComparison.Ordinal);
        Assert.Contains("1 điều mới", html, StringComparison.Ordinal);
        Assert.Contains("1 điều đã bỏ", html, StringComparison.Ordinal);
        Assert.Contains("<del><span class=\"visually-hidden\">[bỏ: </span>ba<span class=\"visually-hidden\">]</span></del><ins><span class=\"visually-hidden\">[thêm: </span>mỗi<span class=\"visually-hidden\">]</span></ins>",
            html, StringComparison.Ordinal);
        Assert.Contains("Điều 5. Kiểm tra, giám sát", html, StringComparison.Ordinal);
        Assert.Contains("Điều 5. Chế độ báo cáo", html, StringComparison.Ordinal);
        Assert.Contains("Hình thức:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparison_NoQuery_ComparesTheLatestDraftWithWhatItStartedFrom()
    {
        using var client = await SignedInAsync("co-so-1");

        var html = await client.GetStringAsync(ComparisonPath("co-so-1", ComparisonSeed.RegulationId), Token);

        Assert.Contains("<option value=\"2\" selected", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"model\" selected", html, StringComparison.Ordinal);
        Assert.Contains("Dự thảo lần 2 giống", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparison_UnknownDraft_Answers400WithTheFormAndTheMessageBesideTheField()
    {
        using var client = await SignedInAsync("co-so-1");

        using var response = await client.GetAsync(ComparisonPath("co-so-1", ComparisonSeed.RegulationId, "?draft=9&with=model"), Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"draft-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"draft-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Quy chế này không có dự thảo hoặc văn bản như vậy", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"model\" selected", html, StringComparison.Ordinal);
        Assert.DoesNotContain("giống <strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparison_ScannedDraft_SaysItHasNoTextLayerAndGivesNoPercentage()
    {
        using var client = await SignedInAsync("co-so-2");

        var html = await client.GetStringAsync(ComparisonPath("co-so-2", ComparisonSeed.ScannedRegulationId, "?draft=2&with=model"), Token);

        Assert.Contains("bản quét, không có lớp chữ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("giống <strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0 %", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comparison_ClerkOfAnotherOrganisation_GetsNotFound()
    {
        using var client = await SignedInAsync("co-so-2");

        using var comparison = await client.GetAsync(ComparisonPath("co-so-1", ComparisonSeed.RegulationId), Token);
        using var quality = await client.GetAsync(ConsolePaths.Regulation("co-so-1", ComparisonSeed.RegulationId, ConsolePaths.QualityStep), Token);

        Assert.Equal(HttpStatusCode.NotFound, comparison.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, quality.StatusCode);
    }

    [Fact]
    public async Task Quality_UpperLevel_SeesTheFormalRoundAndItsFigures()
    {
        using var client = await SignedInAsync("khoi", ApiRole.UpperLevelOffice);

        var html = await client.GetStringAsync(ConsolePaths.Regulation("co-so-1", ComparisonSeed.RegulationId, ConsolePaths.QualityStep), Token);

        Assert.Contains("Đợt lấy ý kiến dự thảo lần 2", html, StringComparison.Ordinal);
        Assert.Contains("3/3 (100 %)", html, StringComparison.Ordinal);
        Assert.Contains("100 % ý kiến chỉ “nhất trí”", html, StringComparison.Ordinal);
        Assert.Contains("Điều 1, Điều 2, Điều 3, Điều 4, Điều 5, Điều 6", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusRow_AfterRefresh_CarriesTheFiguresTheFlagsAndMatchesTheFilters()
    {
        await ComparisonSeed.EnsureAsync(_host, Token);

        var row = await _host.Get<StatusProjection>().RefreshAsync("co-so-1", Token);
        var stored = (await _host.Get<StatusProjection>().QuerySubtreeAsync("co-so-1", cancellationToken: Token)).Single(r => r.OrganisationId == "co-so-1");
        var scanned = await _host.Get<StatusProjection>().RefreshAsync("co-so-2", Token);

        Assert.Equal(LikenessKind.Measured, row.Likeness!.Model.Kind);
        Assert.Equal(LikenessKind.NoReference, row.Likeness.PreviousTerm.Kind);
        Assert.False(row.Likeness.IsCopiedFromPreviousTerm);
        Assert.True(row.LastConsultation!.IsFormal);
        Assert.Equal((100, 100, 0), (row.LastConsultation.ResponseRatePercent, row.LastConsultation.BareAgreementPercent, row.LastConsultation.CommentCount));
        Assert.Equal(row.Likeness, stored.Likeness);
        Assert.Equal(row.LastConsultation, stored.LastConsultation);
        Assert.Equal(new LikenessFigure(LikenessKind.Scanned, null), scanned.Likeness!.Model);
        Assert.True((StatusQuery.Everything with { FormalConsultation = true }).Matches(stored));
        Assert.False((StatusQuery.Everything with { FormalConsultation = false }).Matches(stored));
        Assert.False((StatusQuery.Everything with { Copied = true }).Matches(stored));
    }

    [Fact]
    public async Task Thresholds_SetOnUpperLevels_TheNearestAboveApplies()
    {
        var organisations = _host.Get<OrganisationWorkflow>();
        var quality = _host.Get<RegulationQuality>();
        Actor actor = new("van-phong", "Văn phòng", "kiem-thu");
        var coSo = (await _host.Get<OrganisationStore>().GetAsync("co-so-1", Token))!.Value;

        await organisations.UpdateAsync("tinh", new OrganisationChanges { QualityThresholds = new(CopiedFromPreviousTermPercent: 85) }, actor, cancellationToken: Token);
        var fromProvince = await quality.ThresholdsForAsync(coSo, Token);
        await organisations.UpdateAsync("khoi", new OrganisationChanges { QualityThresholds = new(FormalResponseRatePercent: 60) }, actor, cancellationToken: Token);
        var fromBloc = await quality.ThresholdsForAsync(coSo, Token);
        await organisations.UpdateAsync("co-so-1", new OrganisationChanges { QualityThresholds = new(FormalResponseRatePercent: 10) }, actor, cancellationToken: Token);
        var notItsOwn = await quality.ThresholdsForAsync(coSo, Token);
        await organisations.UpdateAsync("khoi", new OrganisationChanges { QualityThresholds = new(Clear: true) }, actor, cancellationToken: Token);
        var cleared = await quality.ThresholdsForAsync(coSo, Token);

        Assert.Equal(new QualityThresholds(85, 50, 90), fromProvince);
        Assert.Equal(new QualityThresholds(90, 60, 90), fromBloc);
        Assert.Equal(fromBloc, notItsOwn);
        Assert.Equal(fromProvince, cleared);
    }

    private async Task<HttpClient> SignedInAsync(string organisationId, ApiRole role = ApiRole.Office)
    {
        await ComparisonSeed.EnsureAsync(_host, Token);
        var account = await _host.CreateAccountAsync(organisationId, role, cancellationToken: Token);
        return await _host.SignInAsync(account.Email, Token);
    }
}
