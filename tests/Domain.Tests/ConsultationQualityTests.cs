namespace QuyCheWorkflow.Domain.Tests;

public sealed class ConsultationQualityTests
{
    // 09:00 on 1 March and 16:00 on 15 March, Vietnam time: 14 calendar days apart.
    private static readonly DateTimeOffset s_opened = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_closed = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Measure_KnownRound_GivesItsFigures()
    {
        var round = Closed(10,
            Agree("a"), Agree("b"), Agree("c"), Agree("d"),
            Comments("e", (2, "Bổ sung thời hạn"), (null, "Rà soát chính tả")),
            Comments("f", (2, "Làm rõ trách nhiệm"), (5, "Bỏ khoản 3")));
        var sheet = Sheet(round, ("e#1", ResolutionOutcome.Accepted), ("e#2", ResolutionOutcome.NotAccepted), ("f#1", ResolutionOutcome.PartlyAccepted));

        var quality = ConsultationQuality.Measure(round, sheet, [1, 2, 3, 4, 5, 6], QualityThresholds.Default)!;

        Assert.Equal(10, quality.RecipientCount);
        Assert.Equal(6, quality.AnswerCount);
        Assert.Equal(60, quality.ResponseRatePercent);
        Assert.Equal(4, quality.BareAgreementCount);
        Assert.Equal(66, quality.BareAgreementPercent);
        Assert.Equal(4, quality.CommentCount);
        Assert.Equal(1, quality.GeneralCommentCount);
        Assert.Equal([new ArticleCommentCount(2, 2), new ArticleCommentCount(5, 1)], quality.CommentsPerArticle);
        Assert.Equal([1, 3, 4, 6], quality.ArticlesWithoutComments!);
        Assert.Equal((1, 1, 1, 1), (quality.AcceptedCount, quality.PartlyAcceptedCount, quality.NotAcceptedCount, quality.UnresolvedCount));
        Assert.Equal((25, 25, 25), (quality.AcceptedPercent, quality.PartlyAcceptedPercent, quality.NotAcceptedPercent));
        Assert.Equal(14, quality.DaysOpen);
        Assert.False(quality.IsFormal);
    }

    [Fact]
    public void Measure_OpenRound_IsNull()
    {
        var round = Closed(3, Agree("a")) with { Status = ConsultationStatus.Open, ClosedAt = null, CloseReason = null };

        Assert.Null(ConsultationQuality.Measure(round, null, null, QualityThresholds.Default));
    }

    [Fact]
    public void Measure_ResponseRateBelowThreshold_IsFormal()
    {
        var round = Closed(10, Comments("a", (1, "Sửa")), Comments("b", (2, "Sửa")), Comments("c", (3, "Sửa")), Comments("d", (3, "Sửa")));

        var quality = ConsultationQuality.Measure(round, null, null, QualityThresholds.Default)!;

        Assert.Equal(40, quality.ResponseRatePercent);
        Assert.Equal([FormalityReason.LowResponseRate], quality.FormalReasons);
        Assert.Null(quality.ArticlesWithoutComments);
        Assert.Equal(4, quality.UnresolvedCount);
    }

    [Fact]
    public void Measure_ResponseRateExactlyAtThreshold_IsNotFormalForIt()
    {
        var round = Closed(4, Comments("a", (1, "Sửa")), Comments("b", (1, "Sửa")));

        var quality = ConsultationQuality.Measure(round, null, null, QualityThresholds.Default)!;

        Assert.Equal(50, quality.ResponseRatePercent);
        Assert.False(quality.IsFormal);
    }

    [Fact]
    public void Measure_NineBareAgreementsOfTen_IsFormal()
    {
        var answers = Enumerable.Range(1, 9).Select(i => Agree($"m{i}")).Append(Comments("m10", (4, "Sửa"))).ToArray();

        var quality = ConsultationQuality.Measure(Closed(10, answers), null, [1, 2, 3, 4], QualityThresholds.Default)!;

        Assert.Equal(100, quality.ResponseRatePercent);
        Assert.Equal(90, quality.BareAgreementPercent);
        Assert.Equal([FormalityReason.BareAgreements], quality.FormalReasons);
        Assert.Equal([1, 2, 3], quality.ArticlesWithoutComments!);
    }

    [Fact]
    public void Measure_EightBareAgreementsOfNine_IsNotFormalByDefaultButIsUnderAStricterUpperLevel()
    {
        var answers = Enumerable.Range(1, 8).Select(i => Agree($"m{i}")).Append(Comments("m9", (1, "Sửa"))).ToArray();
        var round = Closed(9, answers);

        var byDefault = ConsultationQuality.Measure(round, null, null, QualityThresholds.Default)!;
        var strict = ConsultationQuality.Measure(round, null, null, QualityThresholds.Default with { FormalBareAgreementPercent = 80 })!;

        Assert.Equal(88, byDefault.BareAgreementPercent);
        Assert.False(byDefault.IsFormal);
        Assert.Equal([FormalityReason.BareAgreements], strict.FormalReasons);
    }

    [Fact]
    public void Measure_NoAnswers_IsFormalForItsResponseRateOnly()
    {
        var quality = ConsultationQuality.Measure(Closed(5), null, [1, 2], QualityThresholds.Default)!;

        Assert.Equal((0, 0, 0), (quality.ResponseRatePercent, quality.BareAgreementPercent, quality.AcceptedPercent));
        Assert.Equal([FormalityReason.LowResponseRate], quality.FormalReasons);
        Assert.Equal([1, 2], quality.ArticlesWithoutComments!);
    }

    [Fact]
    public void Measure_SameDay_IsZeroDaysOpen()
    {
        var round = Closed(1, Agree("a")) with { ClosedAt = s_opened.AddHours(3) };

        Assert.Equal(0, ConsultationQuality.Measure(round, null, null, QualityThresholds.Default)!.DaysOpen);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void IsPercent_AcceptsOneToHundred(int value, bool expected) => Assert.Equal(expected, QualityThresholds.IsPercent(value));

    private static ConsultationResponse Agree(string recipient) => new(recipient, ResponseKind.Agree, [], s_opened.AddDays(1));

    private static ConsultationResponse Comments(string recipient, params (int? Article, string Text)[] comments) =>
        new(recipient, ResponseKind.Comments,
            [.. comments.Select((c, i) => new Comment($"{recipient}#{i + 1}", recipient, c.Article, c.Text))], s_opened.AddDays(2));

    private static ConsultationRoundState Closed(int recipients, params ConsultationResponse[] answers)
    {
        var ids = answers.Select(a => a.RecipientId).ToList();
        ids.AddRange(Enumerable.Range(1, recipients - answers.Length).Select(i => $"silent{i}"));
        return new ConsultationRoundState("round-1", "reg-1", 2, ids, s_opened, s_closed, ConsultationStatus.Closed, s_closed,
            ConsultationCloseReason.DeadlineReached, answers);
    }

    private static ResolutionSheetState Sheet(ConsultationRoundState round, params (string CommentId, ResolutionOutcome Outcome)[] resolutions) =>
        new(round.Id, round.RegulationId, [.. round.Responses.SelectMany(r => r.Comments)],
            [.. resolutions.Select(r => new CommentResolution(r.CommentId, r.Outcome, "Giải trình", "Văn phòng", s_closed))]);
}
