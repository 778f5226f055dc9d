using QuyCheWorkflow.Domain.Documents;

namespace QuyCheWorkflow.Domain.Tests;

public sealed class RegulationTextTests
{
    private const string Reference = """
        QUY CHẾ LÀM VIỆC
        của Ban Chấp hành Đảng bộ
        Điều 1. Phạm vi điều chỉnh
        Quy chế này quy định trách nhiệm, quyền hạn của Ban Chấp hành.
        Điều 2. Nhiệm vụ của Ban Chấp hành
        Ban Chấp hành lãnh đạo thực hiện nghị quyết đại hội nhiệm kỳ.
        Điều 3. Nhiệm vụ của Ban Thường vụ
        Ban Thường vụ lãnh đạo giữa hai kỳ họp của Ban Chấp hành.
        Điều 4. Chế độ họp
        Ban Chấp hành họp thường lệ sáu tháng một lần.
        """;

    [Fact]
    public void Parse_HeadingVariants_SplitsArticlesAndKeepsThePreamble()
    {
        var text = RegulationText.Parse(
            "QUY CHẾ\r\n  LÀM   VIỆC \n\nĐiều 1. Phạm vi\nNội dung một.\nĐIỀU 2: Đối tượng\n\tNội dung\u00A0hai.\nĐiều 3\nNội dung ba.\n   Điều 14.\nNội dung mười bốn.\nĐiều 5 của Quy chế này không phải tiêu đề.");

        Assert.Equal("QUY CHẾ\nLÀM VIỆC", text.Preamble);
        Assert.Equal([1, 2, 3, 14], text.Articles.Select(a => a.Number));
        Assert.Equal("Phạm vi\nNội dung một.", text.Articles[0].Body);
        Assert.Equal("ĐIỀU 2: Đối tượng", text.Articles[1].Heading);
        Assert.Equal("Đối tượng\nNội dung hai.", text.Articles[1].Body);
        Assert.Equal("Nội dung ba.", text.Articles[2].Body);
        Assert.Equal("Nội dung mười bốn.\nĐiều 5 của Quy chế này không phải tiêu đề.", text.Articles[3].Body);
    }

    [Fact]
    public void Parse_DecomposedVietnamese_IsComposed()
    {
        var text = RegulationText.Parse("Đie\u0302\u0300u 1. Pha\u0323m vi");

        Assert.Equal(1, Assert.Single(text.Articles).Number);
        Assert.Equal("Phạm vi", text.Articles[0].Body);
    }

    [Fact]
    public void Parse_NoHeading_IsAllPreamble()
    {
        var text = RegulationText.Parse("Biên bản họp\nNội dung.");

        Assert.Empty(text.Articles);
        Assert.Equal("Biên bản họp\nNội dung.", text.Preamble);
    }

    [Fact]
    public void Compare_SameTextWithOtherWhitespace_Is100PercentAndAllUnchanged()
    {
        var comparison = RegulationText.Compare(RegulationText.Parse(Reference.Replace(" ", "  ", StringComparison.Ordinal) + "\n\n"), RegulationText.Parse(Reference));

        Assert.Equal(100, comparison.SimilarityPercent);
        Assert.All(comparison.Articles, a => Assert.Equal(ArticleChange.Unchanged, a.Change));
        Assert.Equal(4, comparison.DraftArticleCount);
        Assert.Equal(0, comparison.ChangedOrNewCount);
    }

    [Fact]
    public void Compare_OneArticleReworded_IsChangedAndTheWholeBelow100()
    {
        string draft = Reference.Replace("sáu tháng một lần", "ba tháng một lần", StringComparison.Ordinal);

        var comparison = RegulationText.Compare(RegulationText.Parse(draft), RegulationText.Parse(Reference));

        Assert.InRange(comparison.SimilarityPercent, 80, 99);
        Assert.Equal([ArticleChange.Unchanged, ArticleChange.Unchanged, ArticleChange.Unchanged, ArticleChange.Changed], comparison.Articles.Select(a => a.Change));
        Assert.Equal(1, comparison.ChangedOrNewCount);
    }

    [Fact]
    public void Compare_ArticleInsertedAndLaterOnesRenumbered_OneNewTheRenumberedUnchangedOrChanged()
    {
        string draft = Reference
            .Replace("Điều 4. Chế độ họp\nBan Chấp hành họp thường lệ sáu tháng", "Điều 5. Chế độ họp\nBan Chấp hành họp thường lệ ba tháng", StringComparison.Ordinal)
            .Replace("Điều 3. Nhiệm vụ của Ban Thường vụ", "Điều 3. Nhiệm vụ của Thường trực\nThường trực giải quyết công việc hằng ngày.\nĐiều 4. Nhiệm vụ của Ban Thường vụ", StringComparison.Ordinal);

        var comparison = RegulationText.Compare(RegulationText.Parse(draft), RegulationText.Parse(Reference));

        Assert.Equal(
            [
                new ArticleComparison(ArticleChange.Unchanged, 1, 1, 100),
                new ArticleComparison(ArticleChange.Unchanged, 2, 2, 100),
                new ArticleComparison(ArticleChange.New, 3, null, 0),
                new ArticleComparison(ArticleChange.Unchanged, 4, 3, 100),
            ],
            comparison.Articles.Take(4));
        var moved = comparison.Articles[4];
        Assert.Equal((ArticleChange.Changed, 5, 4), (moved.Change, moved.DraftNumber, moved.ReferenceNumber));
        Assert.Equal(5, comparison.DraftArticleCount);
        Assert.Equal(2, comparison.ChangedOrNewCount);
        Assert.Equal(0, comparison.RemovedCount);
    }

    [Fact]
    public void Compare_ArticleDropped_IsRemovedAndSameNumberedUnlikeArticleIsNotPaired()
    {
        string draft = """
            Điều 1. Phạm vi điều chỉnh
            Quy chế này quy định trách nhiệm, quyền hạn của Ban Chấp hành.
            Điều 2. Khen thưởng
            Tập thể, cá nhân có thành tích được khen thưởng theo quy định.
            """;

        var comparison = RegulationText.Compare(RegulationText.Parse(draft), RegulationText.Parse(Reference));

        Assert.Equal(
            [
                new ArticleComparison(ArticleChange.Unchanged, 1, 1, 100),
                new ArticleComparison(ArticleChange.New, 2, null, 0),
                new ArticleComparison(ArticleChange.Removed, null, 2, 0),
                new ArticleComparison(ArticleChange.Removed, null, 3, 0),
                new ArticleComparison(ArticleChange.Removed, null, 4, 0),
            ],
            comparison.Articles);
        Assert.Equal(3, comparison.RemovedCount);
    }

    [Theory]
    [InlineData("a b c d", "a b c d", 100)]
    [InlineData("a b c d", "A  B C D", 100)]
    [InlineData("a b c d", "d c b a", 0)]
    [InlineData("a b c d", "a b c e", 66)]
    [InlineData("", "", 100)]
    [InlineData("một", "", 0)]
    public void TextSimilarity_KnownTexts_GivesTheDiceOfWordPairs(string a, string b, int expected) =>
        Assert.Equal(expected, TextSimilarity.Percent(a, b));
}
