using QuyCheWorkflow.Domain.Documents;
using QuyCheWorkflow.Functions.Office;

namespace QuyCheWorkflow.Functions.Tests.Office;

public sealed class DocumentTextTests
{
    [Fact]
    public void Extract_Docx_GivesOneLinePerParagraphThatSplitsIntoArticles()
    {
        var docx = TestDocuments.DocxParagraphs("QUY CHẾ LÀM VIỆC", "Điều 1. Phạm vi điều chỉnh", "Quy chế này quy định trách nhiệm.", "Điều 2. Chế độ họp", "Họp sáu tháng một lần.");

        var text = DocumentText.Extract(docx);

        Assert.NotNull(text);
        Assert.True(text.HasText);
        var articles = RegulationText.Parse(text.Text);
        Assert.Equal("QUY CHẾ LÀM VIỆC", articles.Preamble);
        Assert.Equal([1, 2], articles.Articles.Select(a => a.Number));
        Assert.Equal("Chế độ họp\nHọp sáu tháng một lần.", articles.Articles[1].Body);
    }

    [Fact]
    public void Extract_PdfWithTextLayer_GivesItsLinesInOrder()
    {
        var pdf = TestDocuments.PdfLines("QUY CHE LAM VIEC", "Dieu 1. Pham vi", "Quy che nay quy dinh trach nhiem.");

        var text = DocumentText.Extract(pdf);

        Assert.NotNull(text);
        var lines = text.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["QUY CHE LAM VIEC", "Dieu 1. Pham vi", "Quy che nay quy dinh trach nhiem."], lines);
    }

    [Fact]
    public void Extract_PdfWithoutTextLayer_IsReadableAndHasNoText()
    {
        var text = DocumentText.Extract(TestDocuments.PdfWithoutText());

        Assert.NotNull(text);
        Assert.False(text.HasText);
    }

    [Fact]
    public void Extract_NotADocument_IsNull()
    {
        Assert.Null(DocumentText.Extract(TestDocuments.Executable()));
        Assert.Null(DocumentText.Extract("%PDF-1.7 but nothing else"u8.ToArray()));
    }
}
