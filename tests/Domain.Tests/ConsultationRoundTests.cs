namespace QuyCheWorkflow.Domain.Tests;

public sealed class ConsultationRoundTests
{
    [Fact]
    public void ResponseRate_TwoOfFiveAnswered_IsFortyPercentAndListsWhoOwesAnAnswer()
    {
        ConsultationRound round = new ConsultationRoundBuilder().WithRecipients(5).Build();

        round.AnswerAgree("r2", TestData.Days(1));
        round.AnswerWithComments("r4", [new CommentDraft(5, "Bổ sung thời hạn báo cáo.")], TestData.Days(2));

        Assert.Equal(0.4, round.ResponseRate, 10);
        Assert.Equal(["r1", "r3", "r5"], round.RecipientsStillDue);
        Assert.Equal(ConsultationStatus.Open, round.Status);
    }

    [Fact]
    public void RecipientsToRemind_BeforeAndAtDeadline_OnlyBeforeDeadline()
    {
        ConsultationRound round = new ConsultationRoundBuilder().WithRecipients(3).Build();
        round.AnswerAgree("r1", TestData.Days(1));

        IReadOnlyList<string> before = round.RecipientsToRemind(ConsultationRoundBuilder.Deadline.AddHours(-1));
        IReadOnlyList<string> atDeadline = round.RecipientsToRemind(ConsultationRoundBuilder.Deadline);

        Assert.Equal(["r2", "r3"], before);
        Assert.Empty(atDeadline);
    }

    [Fact]
    public void AnswerAgree_LastRecipient_ClosesRoundAsAllAnswered()
    {
        ConsultationRound round = new ConsultationRoundBuilder().WithRecipients(2).Build();
        round.AnswerAgree("r1", TestData.Days(1));

        bool closed = round.AnswerAgree("r2", TestData.Days(2));

        Assert.True(closed);
        Assert.Equal(ConsultationStatus.Closed, round.Status);
        Assert.Equal(ConsultationCloseReason.AllAnswered, round.CloseReason);
        Assert.Equal(TestData.Days(2), round.ClosedAt);
        Assert.Equal(1.0, round.ResponseRate, 10);
    }

    [Fact]
    public void AnswerWithComments_ReplacingEarlierAgree_LastAnswerCounts()
    {
        ConsultationRound round = new ConsultationRoundBuilder().Build();
        round.AnswerAgree("r1", TestData.Days(1));

        round.AnswerWithComments("r1", [new CommentDraft(2, "Sửa Điều 2."), new CommentDraft(null, "Rút gọn.")], TestData.Days(2));

        Assert.Equal(1, round.RespondedCount);
        Assert.Equal(ResponseKind.Comments, round.Responses.Single().Kind);
        Assert.Equal(["r1#1", "r1#2"], round.Comments.Select(c => c.CommentId));
        Assert.Equal(["Điều 2", "Góp ý chung"], round.Comments.Select(c => c.ArticleLabel));
    }

    [Fact]
    public void CloseIfDue_AtDeadline_ClosesWithNonRespondersRecorded()
    {
        ConsultationRound round = new ConsultationRoundBuilder().WithRecipients(4).Build();
        round.AnswerAgree("r1", TestData.Days(1));

        bool early = round.CloseIfDue(ConsultationRoundBuilder.Deadline.AddMinutes(-1));
        bool closed = round.CloseIfDue(ConsultationRoundBuilder.Deadline);

        Assert.False(early);
        Assert.True(closed);
        Assert.Equal(ConsultationCloseReason.DeadlineReached, round.CloseReason);
        Assert.Equal(0.25, round.ResponseRate, 10);
        Assert.Equal(["r2", "r3", "r4"], round.RecipientsStillDue);
    }

    [Fact]
    public void AnswerAgree_AfterClose_ThrowsNamingClosedState()
    {
        ConsultationRound round = new ConsultationRoundBuilder().Build();
        round.CloseIfDue(ConsultationRoundBuilder.Deadline);

        InvalidTransitionException error = Assert.Throws<InvalidTransitionException>(() => round.AnswerAgree("r1", ConsultationRoundBuilder.Deadline));

        Assert.Equal("Cannot answer the consultation: consultation round is Closed.", error.Message);
    }

    [Fact]
    public void AnswerAgree_NotARecipient_Throws()
    {
        ConsultationRound round = new ConsultationRoundBuilder().Build();

        Assert.Throws<DomainException>(() => round.AnswerAgree("outsider", TestData.Days(1)));
    }

    [Fact]
    public void AnswerWithComments_NoComment_RefusedWithCodeAndRecordsNothing()
    {
        ConsultationRound round = new ConsultationRoundBuilder().Build();

        DomainException error = Assert.Throws<DomainException>(() => round.AnswerWithComments("r1", [], TestData.Days(1)));

        Assert.Equal(RefusalCode.ConsultationCommentMissing, error.Code);
        Assert.Empty(round.Responses);
    }

    [Fact]
    public void Answer_NotAgreeingWithoutComment_RefusedWithCode()
    {
        ConsultationRound round = new ConsultationRoundBuilder().Build();

        DomainException error = Assert.Throws<DomainException>(() => round.Answer("r1", ResponseKind.Comments, [], TestData.Days(1)));

        Assert.Equal(RefusalCode.ConsultationCommentMissing, error.Code);
        Assert.Empty(round.Responses);
    }

    [Fact]
    public void Answer_AgreeingWithComments_RefusedWithCode()
    {
        ConsultationRound round = new ConsultationRoundBuilder().Build();

        DomainException error = Assert.Throws<DomainException>(
            () => round.Answer("r1", ResponseKind.Agree, [new CommentDraft(2, "Sửa Điều 2.")], TestData.Days(1)));

        Assert.Equal(RefusalCode.ConsultationAgreementWithComments, error.Code);
        Assert.Equal("1", error.Facts["comments"]);
        Assert.Empty(round.Responses);
    }

    [Fact]
    public void Answer_Comments_RecordsThemNumbered()
    {
        ConsultationRound round = new ConsultationRoundBuilder().Build();

        round.Answer("r1", ResponseKind.Comments, [new CommentDraft(2, " Sửa Điều 2. "), new CommentDraft(null, "Rút gọn.")], TestData.Days(1));

        ConsultationResponse response = Assert.Single(round.Responses);
        Assert.Equal(ResponseKind.Comments, response.Kind);
        Assert.Equal(["r1#1", "r1#2"], response.Comments.Select(c => c.CommentId));
        Assert.Equal("Sửa Điều 2.", response.Comments[0].Text);
    }

    [Fact]
    public void AnswerWithComments_ArticleZero_Throws()
    {
        ConsultationRound round = new ConsultationRoundBuilder().Build();

        Assert.Throws<DomainException>(() => round.AnswerWithComments("r1", [new CommentDraft(0, "?")], TestData.Days(1)));
    }

    [Fact]
    public void AnswerWithComments_SameAnswerAgainAfterClose_IsNoOp()
    {
        ConsultationRound round = new ConsultationRoundBuilder().WithRecipients(1).Build();
        round.AnswerWithComments("r1", [new CommentDraft(4, "Sửa Điều 4.")], TestData.Days(1));

        bool closedAgain = round.AnswerWithComments("r1", [new CommentDraft(4, "Sửa Điều 4.")], TestData.Days(1).AddSeconds(2));

        Assert.False(closedAgain);
        Assert.Equal(TestData.Days(1), round.Responses.Single().SubmittedAt);
        Assert.Throws<InvalidTransitionException>(() => round.AnswerAgree("r1", TestData.Days(2)));
    }
}
