using QuyCheWorkflow.Domain.Documents;
using QuyCheWorkflow.Functions.Office;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>Text extraction and article split on DOCX and PDF files built as offices make them, and the similarity figures of known texts.</summary>
public sealed class RegulationExtractionTests
{
    [Fact]
    public void Extract_WordDocument_ReadsRunsBreaksTablesAndLeavesDeletionsOut()
    {
        var docx = RegulationSamples.Docx(RegulationSamples.PreviousTerm, withExtras: true);

        var text = DocumentText.Extract(docx)!;

        var parsed = RegulationText.Parse(text.Text);
        Assert.Equal("ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG ỦY SỞ TÀI CHÍNH\nQUY CHẾ LÀM VIỆC\ncủa Ban Chấp hành Đảng bộ Sở Tài chính nhiệm kỳ 2020 - 2025", parsed.Preamble);
        Assert.Equal([1, 2, 3, 4, 5, 6], parsed.Articles.Select(a => a.Number));
        Assert.Equal("Chế độ họp\nBan Chấp hành họp thường lệ ba tháng một lần và họp bất thường khi cần.", parsed.Articles[2].Body);
        Assert.Equal(
            "Hiệu lực thi hành\nQuy chế này có hiệu lực kể từ ngày ký.\nNơi nhận:\n- Như Điều 6, lưu Văn phòng.\nT/M BAN CHẤP HÀNH\nBÍ THƯ\nNguyễn Văn A",
            parsed.Articles[5].Body);
        Assert.DoesNotContain("gạch bỏ", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PdfWithVietnameseTextLayer_SplitsAsTheWordDocumentDoes()
    {
        var font = RegulationSamples.VietnameseFont();
        Assert.SkipWhen(font is null, $"No font with Vietnamese letters at {RegulationSamples.VietnameseFontPath}.");

        var fromPdf = DocumentText.Extract(RegulationSamples.Pdf(RegulationSamples.PreviousTerm, font!))!;
        var fromDocx = DocumentText.Extract(RegulationSamples.Docx(RegulationSamples.PreviousTerm))!;

        Assert.True(fromPdf.HasText);
        var pdf = RegulationText.Parse(fromPdf.Text);
        var docx = RegulationText.Parse(fromDocx.Text);
        Assert.Equal(docx.Articles, pdf.Articles);
        Assert.Equal(docx.Preamble, pdf.Preamble);
        var comparison = RegulationText.Compare(pdf, docx);
        Assert.Equal(100, comparison.SimilarityPercent);
        Assert.All(comparison.Articles, a => Assert.Equal(ArticleChange.Unchanged, a.Change));
    }

    [Fact]
    public void Extract_ScannedPdfWithOnlyPageImages_IsReadAsHavingNoText()
    {
        var scanned = RegulationSamples.ScannedPdf();

        var text = DocumentText.Extract(scanned);

        Assert.NotNull(text);
        Assert.False(text.HasText);
    }

    [Fact]
    public void Compare_DraftWithPreviousTerm_GivesEachArticleItsFateAndKnownFigures()
    {
        var previous = RegulationText.Parse(DocumentText.Extract(RegulationSamples.Docx(RegulationSamples.PreviousTerm))!.Text);
        var draft = RegulationText.Parse(DocumentText.Extract(RegulationSamples.Docx(RegulationSamples.Draft))!.Text);

        var comparison = RegulationText.Compare(draft, previous);

        Assert.Equal(
        [
            new ArticleComparison(ArticleChange.Unchanged, 1, 1, 100),
            new ArticleComparison(ArticleChange.Unchanged, 2, 2, 100),
            // "Chế độ họp / … họp thường lệ ba tháng một lần …" against "… mỗi tháng một lần …": of the 17 and 17
            // word pairs, "lệ ba", "ba tháng" and "lệ mỗi", "mỗi tháng" differ; 2·15 / 34 = 88 %.
            new ArticleComparison(ArticleChange.Changed, 3, 3, 88),
            new ArticleComparison(ArticleChange.Unchanged, 4, 4, 100),
            new ArticleComparison(ArticleChange.New, 5, null, 0),
            new ArticleComparison(ArticleChange.Unchanged, 6, 6, 100),
            new ArticleComparison(ArticleChange.Removed, null, 5, 0),
        ], comparison.Articles);
        Assert.Equal(2, comparison.ChangedOrNewCount);
        Assert.Equal(1, comparison.RemovedCount);
        Assert.InRange(comparison.SimilarityPercent, 80, 89);
    }

    [Fact]
    public void Compare_PreviousTermWithItself_Is100PercentWhicheverFormat()
    {
        var text = RegulationText.Parse(DocumentText.Extract(RegulationSamples.Docx(RegulationSamples.PreviousTerm))!.Text);

        var comparison = RegulationText.Compare(text, text);

        Assert.Equal(100, comparison.SimilarityPercent);
        Assert.Equal(0, comparison.ChangedOrNewCount);
    }
}
