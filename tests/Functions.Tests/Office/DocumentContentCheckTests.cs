using System.Text;
using QuyCheWorkflow.Functions.Office;

namespace QuyCheWorkflow.Functions.Tests.Office;

public sealed class DocumentContentCheckTests
{
    [Fact]
    public void Check_OnePagePdf_IsSound()
    {
        Assert.Null(DocumentContentCheck.Check(DocumentKind.Pdf, TestDocuments.Pdf("Quy che lam viec")));
    }

    [Fact]
    public void Check_DocxWithText_IsSound()
    {
        Assert.Null(DocumentContentCheck.Check(DocumentKind.Docx, TestDocuments.Docx()));
    }

    [Fact]
    public void Check_OnlyThePdfSignature_IsUnreadable()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("%PDF-1.7\nnot a document at all, just a signature and some text");

        Assert.NotNull(DocumentSniffer.Sniff(bytes));
        Assert.Equal(DocumentDefect.Unreadable, DocumentContentCheck.Check(DocumentKind.Pdf, bytes));
    }

    [Fact]
    public void Check_PdfWithoutPages_IsEmpty()
    {
        Assert.Equal(DocumentDefect.Empty, DocumentContentCheck.Check(DocumentKind.Pdf, TestDocuments.PdfWithoutPages()));
    }

    [Fact]
    public void Check_PdfWithEncryptDictionary_IsEncrypted()
    {
        byte[] plain = TestDocuments.Pdf("Bi mat");
        string text = Encoding.Latin1.GetString(plain);
        int trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        int dictionary = text.IndexOf("<<", trailer, StringComparison.Ordinal);
        string encrypted = text[..(dictionary + 2)]
            + "/Encrypt<</Filter/Standard/V 2/R 3/Length 128/P -1068/O<" + new string('a', 64) + ">/U<" + new string('b', 64) + ">>>"
            + text[(dictionary + 2)..];

        Assert.Equal(DocumentDefect.Encrypted, DocumentContentCheck.Check(DocumentKind.Pdf, Encoding.Latin1.GetBytes(encrypted)));
    }

    [Fact]
    public void Check_DocxWithoutText_IsEmpty()
    {
        Assert.Equal(DocumentDefect.Empty, DocumentContentCheck.Check(DocumentKind.Docx, TestDocuments.Docx(" ")));
    }

    [Fact]
    public void Check_DocxWithBrokenDocumentPart_IsUnreadable()
    {
        byte[] bytes = TestDocuments.Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(TestDocuments.ContentTypesXml)),
            ("_rels/.rels", Encoding.UTF8.GetBytes(
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""")),
            ("word/document.xml", Encoding.UTF8.GetBytes("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>")));

        Assert.NotNull(DocumentSniffer.Sniff(bytes));
        Assert.Equal(DocumentDefect.Unreadable, DocumentContentCheck.Check(DocumentKind.Docx, bytes));
    }

    [Fact]
    public void IsCompoundFile_OleSignature_IsTrue()
    {
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        Assert.True(DocumentContentCheck.IsCompoundFile(bytes));
        Assert.Null(DocumentSniffer.Sniff(bytes));
    }
}
