using QuyCheWorkflow.Functions.OfficeConsole.Comparison;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

public sealed class WordDiffTests
{
    [Fact]
    public void Between_OneWordReplaced_DeletesThenInsertsItAndKeepsTheRest()
    {
        var segments = WordDiff.Between("Ban Chấp hành họp ba tháng một lần.", "Ban Chấp hành họp mỗi tháng một lần.");

        Assert.Equal(
        [
            new DiffSegment(DiffSegmentKind.Same, "Ban Chấp hành họp "),
            new DiffSegment(DiffSegmentKind.Deleted, "ba"),
            new DiffSegment(DiffSegmentKind.Inserted, "mỗi"),
            new DiffSegment(DiffSegmentKind.Same, " tháng một lần."),
        ], segments);
    }

    [Theory]
    [InlineData("Quy chế này có hiệu lực kể từ ngày ký.", "Quy chế này có hiệu lực thi hành kể từ ngày ký và thay thế Quy chế nhiệm kỳ trước.")]
    [InlineData("Điều cũ\nhai dòng", "")]
    [InlineData("", "Điều mới\nhai dòng")]
    public void Between_AnyTexts_RebuildsBothFromTheRuns(string reference, string draft)
    {
        var segments = WordDiff.Between(reference, draft);

        Assert.Equal(reference, string.Concat(segments.Where(s => s.Kind != DiffSegmentKind.Inserted).Select(s => s.Text)));
        Assert.Equal(draft, string.Concat(segments.Where(s => s.Kind != DiffSegmentKind.Deleted).Select(s => s.Text)));
    }
}
