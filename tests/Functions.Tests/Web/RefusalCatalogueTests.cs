using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Tests.Web;

public sealed class RefusalCatalogueTests
{
    [Fact]
    public void Describe_StartVoteWhileDrafting_NamesTheStateAndTheNextStep()
    {
        var text = RefusalCatalogue.Describe(new InvalidTransitionException("regulation", "Drafting", "start a vote"));

        Assert.Equal(
            "Chưa thể đưa dự thảo ra Ban Thường vụ biểu quyết vì quy chế đang ở trạng thái “Đang dự thảo”. Việc tiếp theo: tải lên dự thảo, rồi lấy ý kiến góp ý.",
            text?.Message);
        Assert.Null(text?.Field);
    }

    [Fact]
    public void Describe_VoteRoundClosed_NamesTheRoundsState()
    {
        var text = RefusalCatalogue.Describe(new InvalidTransitionException("vote round", "Passed", "cast a ballot"));

        Assert.Equal("Chưa thể biểu quyết vì đợt biểu quyết đang ở trạng thái “đã thông qua”.", text?.Message);
    }

    [Fact]
    public void Describe_UnresolvedComments_CountsThem()
    {
        var text = RefusalCatalogue.Describe(new Domain.Consultations.UnresolvedCommentsException(2, 5));

        Assert.StartsWith("Còn 2/5 ý kiến góp ý chưa được tiếp thu, giải trình", text?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ActionWithoutWording_IsNullSoTheCallerFallsBack()
    {
        Assert.Null(RefusalCatalogue.Describe(new InvalidTransitionException("regulation", "Drafting", "do something new")));
    }

    [Fact]
    public void Describe_EveryCode_HasWording()
    {
        foreach (var code in Enum.GetValues<RefusalCode>().Where(c => c != RefusalCode.None))
        {
            Assert.True(RefusalCatalogue.Describe(new DomainException(code, "refused")) is not null, $"{code} has no wording.");
        }
    }

    [Fact]
    public void Describe_BallotWithoutReason_IsTheVotePagesSentenceAboutTheReason()
    {
        var text = RefusalCatalogue.Describe(new DomainException(RefusalCode.BallotReasonMissing, "refused",
            new Dictionary<string, string> { ["choice"] = "Disagree" }));

        Assert.Equal("Khi chọn “Không đồng ý” hoặc “Ý kiến khác”, đề nghị đồng chí ghi lý do.", text?.Message);
        Assert.Equal("reason", text?.Field);
    }

    [Theory]
    [InlineData(RefusalCode.ConsultationCommentMissing)]
    [InlineData(RefusalCode.ConsultationAgreementWithComments)]
    public void Describe_ConsultationAnswerThatDoesNotHoldTogether_NamesTheTwoChoices(RefusalCode code)
    {
        var text = RefusalCatalogue.Describe(new DomainException(code, "refused"));

        Assert.Equal("Đề nghị đồng chí chọn “Nhất trí, không có ý kiến khác”, hoặc chọn “Có ý kiến góp ý” và ghi ít nhất một ý kiến.", text?.Message);
    }

    [Fact]
    public void Describe_MeetingDateOutsideTheRound_GivesTheDaysItMayFallOn()
    {
        var text = RefusalCatalogue.Describe(new DomainException(RefusalCode.MeetingDateOutsideRound, "refused",
            new Dictionary<string, string> { ["meetingDate"] = "2026-12-09", ["openedOn"] = "2026-12-01", ["today"] = "2026-12-07" }));

        Assert.Equal("Ngày họp phải từ ngày mở biểu quyết (01/12/2026) đến hôm nay (07/12/2026).", text?.Message);
        Assert.Null(text?.Field);
    }

    [Fact]
    public void Describe_MeetingResultTheVotesContradict_NamesTheRuleAndTheCount()
    {
        var text = RefusalCatalogue.Describe(new DomainException(RefusalCode.MeetingResultContradictsVotes, "refused",
            new Dictionary<string, string>
            {
                ["rule"] = Domain.Voting.DecisionRule.MajorityOfAllMembers.Code, ["required"] = "3", ["members"] = "5", ["agrees"] = "2",
            }));

        Assert.Equal(
            $"Kết quả không khớp số phiếu: theo nguyên tắc “{Domain.Voting.DecisionRule.MajorityOfAllMembers.Description}”, cần 3/5 ủy viên đồng ý để thông qua; biên bản ghi 2 đồng ý.",
            text?.Message);
    }

    [Fact]
    public void Describe_RoundSuperseded_NamesWhatWasReplaced()
    {
        var text = RefusalCatalogue.Describe(new DomainException(RefusalCode.RoundSuperseded, "refused",
            new Dictionary<string, string> { ["subject"] = "vote round", ["id"] = "vote-1" }));

        Assert.StartsWith("Đợt biểu quyết này đã được thay thế", text?.Message, StringComparison.Ordinal);
    }
}
