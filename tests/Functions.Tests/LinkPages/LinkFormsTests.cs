using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.LinkPages;
using QuyCheWorkflow.Functions.Links;

namespace QuyCheWorkflow.Functions.Tests.LinkPages;

/// <summary>The link kinds' pages and forms, without an app: every kind has its page, and each form reads what its page writes.</summary>
public sealed class LinkFormsTests
{
    [Fact]
    public void For_EveryLinkAction_IsServedByThePageOfThatKind()
    {
        var pages = new QuyCheWorkflow.Functions.LinkPages.LinkPages(null!, null!, null!,
            new VoteLinkPage(null!, null!, null!, TimeProvider.System), new ConsultationLinkPage(null!, null!), new FilingLinkPage(null!, null!, null!));

        foreach (var action in Enum.GetValues<LinkAction>())
        {
            Assert.Equal(action, pages.For(action).Action);
        }

        Assert.Throws<System.Runtime.CompilerServices.SwitchExpressionException>(() => pages.For((LinkAction)99));
    }

    [Fact]
    public void OutlivesSignedExpiry_OnlyTheVoteLink()
    {
        Assert.True(new VoteLinkPage(null!, null!, null!, TimeProvider.System).OutlivesSignedExpiry);
        Assert.False(new ConsultationLinkPage(null!, null!).OutlivesSignedExpiry);
        Assert.False(new FilingLinkPage(null!, null!, null!).OutlivesSignedExpiry);
    }

    [Theory]
    [InlineData("agree", VoteChoice.Agree)]
    [InlineData("disagree", VoteChoice.Disagree)]
    [InlineData("other", VoteChoice.OtherOpinion)]
    public void VoteForm_EachChoiceThePageOffers_ReadsBack(string value, VoteChoice choice)
    {
        Assert.Contains(VoteForm.Choices, c => c.Value == value);

        Assert.True(VoteForm.TryRead(Form((VoteForm.ChoiceField, value), (VoteForm.ReasonField, " Lý do. ")), out var vote, out var error));

        Assert.Null(error);
        Assert.Equal(new VoteForm(choice, "Lý do."), vote);
    }

    [Fact]
    public void VoteForm_DisagreeWithoutReason_IsReadAndLeftToTheVoteRound()
    {
        Assert.True(VoteForm.TryRead(Form((VoteForm.ChoiceField, "disagree"), (VoteForm.ReasonField, "  ")), out var vote, out _));

        Assert.Equal(new VoteForm(VoteChoice.Disagree, null), vote);
    }

    [Fact]
    public void VoteForm_NoChoice_IsIncomplete()
    {
        Assert.False(VoteForm.TryRead(Form((VoteForm.ReasonField, "Lý do.")), out _, out var error));

        Assert.Equal(LinkFormError.Incomplete("Đồng chí chưa chọn phương án biểu quyết."), error);
    }

    [Fact]
    public void ConsultationAnswerForm_CommentsInRows_ReadInRowOrderSkippingBlankRows()
    {
        var form = Form(
            (ConsultationAnswerForm.KindField, ConsultationAnswerForm.CommentsValue),
            (ConsultationAnswerForm.ArticleField(0), "3"), (ConsultationAnswerForm.TextField(0), "Làm rõ Điều 3."),
            (ConsultationAnswerForm.TextField(2), "Rà soát chính tả."));

        Assert.True(ConsultationAnswerForm.TryRead(form, out var answer, out _));

        Assert.False(answer!.Agree);
        Assert.Equal([new(3, "Làm rõ Điều 3."), new(null, "Rà soát chính tả.")], answer.Comments);
    }

    [Fact]
    public void ConsultationAnswerForm_AgreeWithAComment_IsReadAndLeftToTheConsultationRound()
    {
        var form = Form((ConsultationAnswerForm.KindField, ConsultationAnswerForm.AgreeValue), (ConsultationAnswerForm.TextField(0), "Một ý."));

        Assert.True(ConsultationAnswerForm.TryRead(form, out var answer, out _));

        Assert.True(answer!.Agree);
        Assert.Single(answer.Comments);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000")]
    [InlineData("ba")]
    public void ConsultationAnswerForm_ArticleOutsideTheRange_IsIncompleteNamingTheRow(string article)
    {
        var form = Form((ConsultationAnswerForm.KindField, ConsultationAnswerForm.CommentsValue),
            (ConsultationAnswerForm.ArticleField(1), article), (ConsultationAnswerForm.TextField(1), "Sửa."));

        Assert.False(ConsultationAnswerForm.TryRead(form, out _, out var error));

        Assert.False(error!.Malformed);
        Assert.Contains("ý kiến 2", error.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void FilingResponseForm_ReturnWithReasons_OnePerNonBlankLine()
    {
        var form = Form((FilingResponseForm.DecisionField, FilingResponseForm.ReturnValue), (FilingResponseForm.ReasonsField, "Bổ sung Điều 2.\n\n  Sửa Điều 5. "));

        Assert.True(FilingResponseForm.TryRead(form, out var response, out _));

        Assert.False(response!.Acknowledge);
        Assert.Equal(["Bổ sung Điều 2.", "Sửa Điều 5."], response.Reasons);
    }

    [Fact]
    public void FilingResponseForm_NoDecision_IsIncomplete()
    {
        Assert.False(FilingResponseForm.TryRead(Form((FilingResponseForm.ReasonsField, "Lý do.")), out _, out var error));

        Assert.False(error!.Malformed);
    }

    private static FormCollection Form(params (string Name, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => new StringValues(f.Value)));
}
