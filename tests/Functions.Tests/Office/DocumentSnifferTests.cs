using System.Text;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Office;

namespace QuyCheWorkflow.Functions.Tests.Office;

public sealed class DocumentSnifferTests
{
    [Fact]
    public void Sniff_MinimalDocx_IsDocx()
    {
        var bytes = TestDocuments.Docx();

        var sniffed = DocumentSniffer.Sniff(bytes);

        Assert.NotNull(sniffed);
        Assert.Equal(DocumentKind.Docx, sniffed.Kind);
        Assert.Equal(DraftVersion.DocxContentType, sniffed.ContentType);
    }

    [Fact]
    public void Sniff_Pdf_IsPdf()
    {
        var bytes = TestDocuments.Pdf();

        var sniffed = DocumentSniffer.Sniff(bytes);

        Assert.Equal(DocumentKind.Pdf, sniffed?.Kind);
        Assert.Equal(DraftVersion.PdfContentType, sniffed?.ContentType);
    }

    [Fact]
    public void Sniff_Executable_IsRefused()
    {
        var bytes = TestDocuments.Executable();

        Assert.Null(DocumentSniffer.Sniff(bytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%PDF")]
    [InlineData("PK\u0003\u0004 not really a zip")]
    [InlineData("<html>%PDF-1.4</html>")]
    public void Sniff_NeitherFormat_IsRefused(string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);

        Assert.Null(DocumentSniffer.Sniff(bytes));
    }

    [Fact]
    public void Sniff_ZipWithoutWordDocument_IsRefused()
    {
        var bytes = TestDocuments.Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(TestDocuments.ContentTypesXml)),
            ("xl/workbook.xml", Encoding.UTF8.GetBytes("<workbook/>")));

        Assert.Null(DocumentSniffer.Sniff(bytes));
    }

    [Fact]
    public void Sniff_ZipWithoutContentTypes_IsRefused()
    {
        var bytes = TestDocuments.Zip(("word/document.xml", Encoding.UTF8.GetBytes("<w:document/>")));

        Assert.Null(DocumentSniffer.Sniff(bytes));
    }

    [Fact]
    public void Sniff_ContentTypesNotDeclaringWord_IsRefused()
    {
        var bytes = TestDocuments.Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types/>")),
            ("word/document.xml", Encoding.UTF8.GetBytes("<w:document/>")));

        Assert.Null(DocumentSniffer.Sniff(bytes));
    }

    [Fact]
    public void Sniff_DocxWithHighlyCompressedEntry_IsRefusedWithoutInflatingIt()
    {
        // 64 MiB of zeros compress to about 64 KiB: a ratio of ~1000, past the bomb guard.
        var bytes = TestDocuments.Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(TestDocuments.ContentTypesXml)),
            ("word/document.xml", Encoding.UTF8.GetBytes("<w:document/>")),
            ("word/media/bomb.bin", new byte[64 * 1024 * 1024]));

        Assert.Null(DocumentSniffer.Sniff(bytes));
    }

    [Fact]
    public void Sniff_DocxWithTooManyEntries_IsRefused()
    {
        var entries = new List<(string, byte[])>
        {
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(TestDocuments.ContentTypesXml)),
            ("word/document.xml", Encoding.UTF8.GetBytes("<w:document/>")),
        };
        entries.AddRange(Enumerable.Range(0, DocumentSniffer.MaxEntries).Select(i => ($"word/part{i}.xml", new byte[] { 1 })));

        Assert.Null(DocumentSniffer.Sniff(TestDocuments.Zip([.. entries])));
    }
}
