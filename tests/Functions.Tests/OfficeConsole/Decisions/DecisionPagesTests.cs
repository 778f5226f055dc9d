using System.Globalization;
using System.Net;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.OfficeConsole;
using QuyCheWorkflow.Functions.Tests.Office;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole.Decisions;

/// <summary>The step pages' rules over HTTP: the vote, its extension and an in-person result.</summary>
public sealed partial class DecisionPagesTests(DecisionConsoleApp app) : IClassFixture<DecisionConsoleApp>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Step(string organisationId, string regulationId, string step) => ConsolePaths.Regulation(organisationId, regulationId, step);

    private static (byte[], string, string) Minutes() => (TestDocuments.Pdf("Bien ban hop"), "Biên bản họp.pdf", "application/pdf");

    [Fact]
    public async Task Vote_Deadline_PutsTheDraftToTheCommitteeAndAnswers303ToTheRegulation()
    {
        var (organisationId, regulationId) = await app.ResolvingAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.VoteStep));
        var html = await form.ShowAsync();

        var (status, _, location) = await form.SendAsync([("deadlineDate", Iso(app.Today.AddDays(7))), ("deadlineTime", "17:00")]);

        Assert.Contains("Nguyễn Văn Ân", html);
        Assert.Contains("binh@example.vn", html);
        Assert.Contains("Dự thảo lần 1", html);
        Assert.Equal(HttpStatusCode.SeeOther, status);
        Assert.Equal(ConsolePaths.Regulation(organisationId, regulationId), location);
        var regulation = await app.RegulationAsync(organisationId, regulationId);
        Assert.Equal(RegulationStage.InVote, regulation.Stage);
        var round = await app.VoteAsync(regulationId, regulation.ActiveCycle!.CurrentVoteRoundId!);
        Assert.Equal(new DateTimeOffset(app.Today.AddDays(7).ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(7)), round.Deadline);
        Assert.Equal(3, round.Members.Count);
    }

    [Fact]
    public async Task Vote_PastDeadline_Answers400WithTheMessageBesideTheDeadlineAndChangesNothing()
    {
        var (organisationId, regulationId) = await app.ResolvingAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.VoteStep));
        await form.ShowAsync();
        string yesterday = Iso(app.Today.AddDays(-1));

        var (status, html, _) = await form.SendAsync([("deadlineDate", yesterday), ("deadlineTime", "08:30")]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"loi-deadline\"", html);
        Assert.Contains("phải sau thời điểm bắt đầu biểu quyết", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains($"value=\"{yesterday}\"", html);
        Assert.Contains("value=\"08:30\"", html);
        Assert.Equal(RegulationStage.Resolving, (await app.RegulationAsync(organisationId, regulationId)).Stage);
    }

    [Fact]
    public async Task Vote_MissingTime_Answers400AskingForIt()
    {
        var (organisationId, regulationId) = await app.ResolvingAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.VoteStep));
        await form.ShowAsync();

        var (status, html, _) = await form.SendAsync([("deadlineDate", Iso(app.Today.AddDays(3))), ("deadlineTime", "")]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Cần hạn biểu quyết: ngày và giờ.", html);
        Assert.Equal(RegulationStage.Resolving, (await app.RegulationAsync(organisationId, regulationId)).Stage);
    }

    [Fact]
    public async Task Vote_SentTwice_OpensOneRound()
    {
        var (organisationId, regulationId) = await app.ResolvingAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.VoteStep));
        await form.ShowAsync();
        (string, string)[] fields = [("deadlineDate", Iso(app.Today.AddDays(7))), ("deadlineTime", "17:00")];

        var results = await Task.WhenAll(form.SendAsync(fields), form.SendAsync(fields));
        var again = await form.SendAsync(fields);

        Assert.All(results.Append(again), r => Assert.Equal(HttpStatusCode.SeeOther, r.Status));
        Assert.Single((await app.RegulationAsync(organisationId, regulationId)).ActiveCycle!.VoteRoundIds);
    }

    [Fact]
    public async Task Vote_WhileDrafting_ShowsWhyAndWhatComesFirst()
    {
        var (organisationId, regulationId) = await app.IssuedAsync();
        using var client = await app.ClerkOfAsync(organisationId);

        using var response = await client.GetAsync(Step(organisationId, regulationId, ConsolePaths.VoteStep), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Chưa thể đưa dự thảo ra Ban Thường vụ biểu quyết vì quy chế đang ở trạng thái “Đã ban hành, chưa gửi cấp trên”.", html);
        Assert.Contains("Việc tiếp theo: gửi quy chế lên cấp trên.", html);
    }

    [Fact]
    public async Task Vote_WhileTheCommitteeVotes_ShowsWhereTheVoteStandsAndTheStepsOpenMeanwhile()
    {
        var (organisationId, regulationId, roundId) = await app.InVoteAsync();
        await app.Workflow.CastBallotAsync(regulationId, roundId, "m3", VoteChoice.Disagree, "Cần sửa Điều 5.",
            new QuyCheWorkflow.Functions.Lifecycle.Actor("m3", "Lê Văn Cường", "test"), TestContext.Current.CancellationToken);
        using var client = await app.ClerkOfAsync(organisationId);

        var html = await new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.VoteStep)).ShowAsync();

        Assert.Contains("Đã có 1/3 ủy viên biểu quyết: 0 đồng ý, 1 không đồng ý, 0 ý kiến khác.", html);
        Assert.Contains(Step(organisationId, regulationId, ConsolePaths.ExtendStep), html);
        Assert.Contains(Step(organisationId, regulationId, ConsolePaths.InPersonStep), html);
    }

    [Theory]
    [InlineData(ConsolePaths.VoteStep)]
    [InlineData(ConsolePaths.ExtendStep)]
    [InlineData(ConsolePaths.InPersonStep)]
    [InlineData(ConsolePaths.IssueStep)]
    [InlineData(ConsolePaths.FileStep)]
    [InlineData(ConsolePaths.ReviewStep)]
    public async Task Step_AnotherOrganisationsClerk_GetsNotFoundAndChangesNothing(string step)
    {
        var (organisationId, regulationId, _) = await app.InVoteAsync();
        var other = await app.SeedAsync();
        using var stranger = await app.ClerkOfAsync(other.Id);

        using var shown = await stranger.GetAsync(Step(organisationId, regulationId, step), TestContext.Current.CancellationToken);
        var sent = await new StepFormClient(stranger, Step(organisationId, regulationId, step))
            .SendAsync([("deadlineDate", Iso(app.Today.AddDays(9))), ("deadlineTime", "17:00")]);

        Assert.Equal(HttpStatusCode.NotFound, shown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sent.Status);
        var regulation = await app.RegulationAsync(organisationId, regulationId);
        Assert.Equal(RegulationStage.InVote, regulation.Stage);
        Assert.Empty((await app.VoteAsync(regulationId, regulation.ActiveCycle!.CurrentVoteRoundId!)).Extensions);
    }

    [Fact]
    public async Task ExtendVote_LaterDeadline_MovesItOnceEvenWhenSentTwice()
    {
        var (organisationId, regulationId, roundId) = await app.InVoteAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.ExtendStep));
        var html = await form.ShowAsync();
        (string, string)[] fields = [("deadlineDate", Iso(app.Today.AddDays(10))), ("deadlineTime", "09:15")];

        var first = await form.SendAsync(fields);
        var second = await form.SendAsync(fields);

        Assert.Contains("Hạn hiện tại", html);
        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Equal(HttpStatusCode.SeeOther, second.Status);
        var round = await app.VoteAsync(regulationId, roundId);
        Assert.Single(round.Extensions);
        Assert.Equal(new DateTimeOffset(app.Today.AddDays(10).ToDateTime(new TimeOnly(9, 15)), TimeSpan.FromHours(7)), round.Deadline);
    }

    [Fact]
    public async Task ExtendVote_EarlierDeadline_Answers400BesideTheDeadlineAndKeepsIt()
    {
        var (organisationId, regulationId, roundId) = await app.InVoteAsync();
        var before = (await app.VoteAsync(regulationId, roundId)).Deadline;
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.ExtendStep));
        await form.ShowAsync();

        var (status, html, _) = await form.SendAsync([("deadlineDate", Iso(app.Today.AddDays(1))), ("deadlineTime", "07:00")]);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"loi-deadline\"", html);
        Assert.Contains("phải muộn hơn hạn hiện tại", html);
        Assert.Equal(before, (await app.VoteAsync(regulationId, roundId)).Deadline);
    }

    [Fact]
    public async Task InPersonResult_PassedWithMinutes_ApprovesTheDraftOnceEvenWhenSentTwice()
    {
        var (organisationId, regulationId, roundId) = await app.InVoteAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.InPersonStep));
        await form.ShowAsync();
        (string, string)[] fields = [("meetingDate", Iso(app.Today)), ("passed", "true"), ("agree", "3"), ("disagree", "0"), ("other", "0")];

        var first = await form.SendAsync(fields, Minutes());
        var second = await form.SendAsync(fields, Minutes());

        Assert.Equal(HttpStatusCode.SeeOther, first.Status);
        Assert.Equal(HttpStatusCode.SeeOther, second.Status);
        Assert.Equal(RegulationStage.Approved, (await app.RegulationAsync(organisationId, regulationId)).Stage);
        Assert.Equal(DecisionSource.InPersonMeeting, (await app.VoteAsync(regulationId, roundId)).DecidedBy);
    }

    [Fact]
    public async Task InPersonResult_CountsContradictTheResult_Answers400BesideTheResultAndRecordsNothing()
    {
        var (organisationId, regulationId, roundId) = await app.InVoteAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.InPersonStep));
        await form.ShowAsync();

        var (status, html, _) = await form.SendAsync(
            [("meetingDate", Iso(app.Today)), ("passed", "true"), ("agree", "1"), ("disagree", "2"), ("other", "0")], Minutes());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"loi-passed\"", html);
        Assert.Contains("Kết quả không khớp số phiếu", html);
        Assert.Contains("value=\"1\"", html);
        Assert.Contains("chọn lại tệp", html);
        Assert.Equal(RegulationStage.InVote, (await app.RegulationAsync(organisationId, regulationId)).Stage);
        Assert.Null((await app.VoteAsync(regulationId, roundId)).InPersonResult);
    }

    [Fact]
    public async Task InPersonResult_ExecutableAsMinutes_Answers400BesideTheFile()
    {
        var (organisationId, regulationId, _) = await app.InVoteAsync();
        using var client = await app.ClerkOfAsync(organisationId);
        var form = new StepFormClient(client, Step(organisationId, regulationId, ConsolePaths.InPersonStep));
        await form.ShowAsync();

        var (status, html, _) = await form.SendAsync(
            [("meetingDate", Iso(app.Today)), ("passed", "true"), ("agree", "3"), ("disagree", "0"), ("other", "0")],
            (TestDocuments.Executable(), "bien-ban.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"loi-file\"", html);
        Assert.Contains("Chỉ nhận tệp DOCX hoặc PDF", html);
        Assert.Equal(RegulationStage.InVote, (await app.RegulationAsync(organisationId, regulationId)).Stage);
    }
}
