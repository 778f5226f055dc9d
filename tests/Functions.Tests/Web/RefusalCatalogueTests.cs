using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
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
    public void Describe_ActionWithoutWording_FallsBackToTheGeneralSentence()
    {
        var text = RefusalCatalogue.Describe(new InvalidTransitionException("regulation", "Drafting", "do something new"));

        Assert.Equal(RefusalCatalogue.GeneralRefusal, text.Message);
    }

    [Fact]
    public void Describe_NoUpperLevel_NamesTheOrganisation()
    {
        var refusal = new DomainException(RefusalCode.NoUpperLevel, "Organisation 'tu' has no upper level to file with.",
            new Dictionary<string, string> { ["organisation"] = "Tỉnh ủy Bình Minh" });

        var text = RefusalCatalogue.Describe(refusal);

        Assert.Equal("Tổ chức “Tỉnh ủy Bình Minh” không có cấp trên để gửi văn bản.", text.Message);
        Assert.Null(text.Field);
    }

    [Fact]
    public void Describe_VoteDeadlineNotLater_WritesTheInstantsInVietnamTime()
    {
        var refusal = new DomainException(RefusalCode.VoteDeadlineNotLater, "x", new Dictionary<string, string>
        {
            ["deadline"] = "2026-12-05T10:00:00.0000000+00:00",
            ["currentDeadline"] = "2026-12-06T10:00:00.0000000+00:00",
        });

        var text = RefusalCatalogue.Describe(refusal);

        Assert.Equal("Hạn mới (17:00 ngày 05/12/2026) phải muộn hơn hạn hiện tại (17:00 ngày 06/12/2026) và muộn hơn thời điểm hiện tại.", text.Message);
    }

    public static TheoryData<RefusalCode> Codes() => [.. Enum.GetValues<RefusalCode>().Where(c => c != RefusalCode.None)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Describe_EveryRefusalCode_HasItsOwnVietnameseSentence(RefusalCode code)
    {
        var facts = code == RefusalCode.InvalidTransition
            ? new Dictionary<string, string> { ["subject"] = "regulation", ["state"] = "Drafting", ["action"] = "issue" }
            : new Dictionary<string, string>();

        var text = RefusalCatalogue.Describe(new DomainException(code, "English text for logs.", facts));

        Assert.NotEqual(RefusalCatalogue.GeneralRefusal, text.Message);
        Assert.DoesNotContain("English", text.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> TransitionActions() => [.. RefusalSources.TransitionLiterals().Where(l => !RefusalSources.Subjects.Contains(l))];

    [Theory]
    [MemberData(nameof(TransitionActions))]
    public void Describe_EveryTransitionActionInTheSource_IsWorded(string action)
    {
        var text = RefusalCatalogue.Describe(new InvalidTransitionException("regulation", "Drafting", action));

        Assert.NotEqual(RefusalCatalogue.GeneralRefusal, text.Message);
    }

    [Fact]
    public void Describe_EverySubjectAndStateOfARefusedTransition_IsWorded()
    {
        Type[] states = [typeof(RegulationStage), typeof(DraftingStage), typeof(AmendmentStatus), typeof(Domain.Consultations.ConsultationStatus),
            typeof(Domain.Voting.VoteRoundStatus), typeof(Domain.Filings.FilingStatus), typeof(Domain.Reviews.PeriodicReviewStatus)];
        List<string> unworded = [];

        foreach (var subject in RefusalSources.Subjects)
        {
            foreach (var state in states.SelectMany(Enum.GetNames))
            {
                if (RefusalCatalogue.Describe(new InvalidTransitionException(subject, state, "issue")).Message == RefusalCatalogue.GeneralRefusal)
                {
                    unworded.Add(subject + "/" + state);
                }
            }
        }

        Assert.Empty(unworded);
    }

    [Fact]
    public void Source_EveryDomainExceptionThrown_CarriesARefusalCode()
    {
        var uncoded = RefusalSources.UncodedConstructions();

        Assert.Empty(uncoded);
    }

    [Fact]
    public void Source_DomainExceptionSubclasses_AreTheCodedOnes()
    {
        var subclasses = new[] { typeof(DomainException).Assembly, typeof(RefusalCatalogue).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(DomainException)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        // Each of these sets its code in its structured constructor (see RefusalCodeTests in Domain.Tests); a new
        // subclass needs the same, and its place here.
        Assert.Equal(["InvalidTransitionException", "UnresolvedCommentsException"], subclasses);
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
