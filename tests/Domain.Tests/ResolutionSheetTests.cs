namespace QuyCheWorkflow.Domain.Tests;

public sealed class ResolutionSheetTests
{
    [Fact]
    public void EnsureComplete_TwoOfThreeUnresolved_ThrowsWithCount()
    {
        ResolutionSheet sheet = new(ClosedRoundWithThreeComments());
        sheet.Resolve("r1#1", ResolutionOutcome.PartlyAccepted, "Sửa một phần Điều 4.", "van-phong", TestData.Days(8));

        UnresolvedCommentsException error = Assert.Throws<UnresolvedCommentsException>(sheet.EnsureComplete);

        Assert.Equal(2, error.UnresolvedCount);
        Assert.Contains("2 of 3 comments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EveryComment_CompletesSheet()
    {
        ResolutionSheet sheet = new(ClosedRoundWithThreeComments());

        sheet.Resolve("r1#1", ResolutionOutcome.Accepted, "Đã sửa.", "van-phong", TestData.Days(8));
        sheet.Resolve("r1#2", ResolutionOutcome.NotAccepted, "Trái với quy chế mẫu.", "van-phong", TestData.Days(8));
        sheet.Resolve("r2#1", ResolutionOutcome.PartlyAccepted, "Tiếp thu một phần.", "van-phong", TestData.Days(8));

        Assert.True(sheet.IsComplete);
        Assert.Empty(sheet.Unresolved);
        Assert.Equal(3, sheet.Resolutions.Count);
    }

    [Fact]
    public void Resolve_WithoutExplanation_Throws()
    {
        ResolutionSheet sheet = new(ClosedRoundWithThreeComments());

        Assert.ThrowsAny<ArgumentException>(() => sheet.Resolve("r1#1", ResolutionOutcome.NotAccepted, " ", "van-phong", TestData.Days(8)));

        Assert.Empty(sheet.Resolutions);
    }

    [Fact]
    public void Resolve_UnknownComment_Throws()
    {
        ResolutionSheet sheet = new(ClosedRoundWithThreeComments());

        Assert.Throws<DomainException>(() => sheet.Resolve("r9#1", ResolutionOutcome.Accepted, "Đã sửa.", "van-phong", TestData.Days(8)));
    }

    [Fact]
    public void Constructor_OpenRound_Throws()
    {
        ConsultationRound open = new ConsultationRoundBuilder().Build();

        Assert.Throws<InvalidTransitionException>(() => new ResolutionSheet(open));
    }

    [Fact]
    public void EnsureComplete_AllAnswersAgree_IsCompleteWithoutComments()
    {
        ConsultationRound round = new ConsultationRoundBuilder().WithRecipients(1).Build();
        round.AnswerAgree("r1", TestData.Days(1));

        ResolutionSheet sheet = new(round);

        Assert.True(sheet.IsComplete);
        sheet.EnsureComplete();
    }

    private static ConsultationRound ClosedRoundWithThreeComments()
    {
        ConsultationRound round = new ConsultationRoundBuilder().WithRecipients(3).Build();
        round.AnswerWithComments("r1", [new CommentDraft(4, "Làm rõ."), new CommentDraft(null, "Chung.")], TestData.Days(1));
        round.AnswerWithComments("r2", [new CommentDraft(7, "Bỏ khoản 2.")], TestData.Days(1));
        round.CloseIfDue(ConsultationRoundBuilder.Deadline);
        return round;
    }
}
