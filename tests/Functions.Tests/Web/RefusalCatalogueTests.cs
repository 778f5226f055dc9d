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
}
