using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// The text of a stored draft, issued regulation or model, for comparing one with another: a DOCX's paragraphs
/// (the Open XML SDK; body and tables, line breaks kept, text deleted under tracked changes left out), a PDF's text layer page by page in content order (PdfPig). A PDF whose pages carry no text
/// (a scan) gives an empty <see cref="ExtractedText"/>, not an error. Stateless and thread-safe.
/// </summary>
public static class DocumentText
{
    /// <summary>The text of <paramref name="content"/>, or null when it is no DOCX or PDF this can open (damaged, encrypted).</summary>
    public static ExtractedText? Extract(ReadOnlyMemory<byte> content)
    {
        if (DocumentSniffer.Sniff(content) is not { } sniffed || DocumentContentCheck.Check(sniffed.Kind, content) is DocumentDefect.Unreadable or DocumentDefect.Encrypted)
        {
            return null;
        }

        try
        {
            return new ExtractedText(sniffed.Kind == DocumentKind.Pdf ? PdfText(content) : DocxText(content));
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // As DocumentContentCheck: a parser failing on a damaged file fails in many ways, each meaning "unreadable".
            return null;
        }
    }

    private static string PdfText(ReadOnlyMemory<byte> content)
    {
        using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true });
        StringBuilder text = new();
        foreach (var page in document.GetPages())
        {
            text.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
        }

        return text.ToString();
    }

    private static string DocxText(ReadOnlyMemory<byte> content)
    {
        using var stream = new ReadOnlyMemoryStream(content);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        return body is null ? string.Empty : string.Join('\n', body.Descendants<Paragraph>().Select(ParagraphText));
    }

    /// <summary>
    /// A paragraph's text as it reads: its runs' text in order, a tab as a space, a line break as a new line. Text
    /// deleted under tracked changes (<c>w:delText</c>) is not text of the document any more, so it is left out.
    /// </summary>
    private static string ParagraphText(Paragraph paragraph)
    {
        StringBuilder text = new();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text run:
                    text.Append(run.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }
}
