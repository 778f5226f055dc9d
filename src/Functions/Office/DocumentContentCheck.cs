using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Opens an upload that <see cref="DocumentSniffer"/> recognised, with the format's own library (PdfPig for PDF,
/// the Open XML SDK for DOCX), so that only documents people can open reach a consultation or a committee: a file
/// that merely starts with <c>%PDF-</c>, an encrypted file or an empty one is refused. Stateless and thread-safe.
/// </summary>
public static class DocumentContentCheck
{
    /// <summary>The signature of an OLE compound file (legacy .doc, or an encrypted OOXML package).</summary>
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>What is wrong with <paramref name="content"/> of <paramref name="kind"/>, or null when it is a sound document.</summary>
    public static DocumentDefect? Check(DocumentKind kind, ReadOnlyMemory<byte> content) => kind switch
    {
        DocumentKind.Pdf => CheckPdf(content),
        DocumentKind.Docx => CheckDocx(content),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>True for an OLE compound file, which <see cref="DocumentSniffer"/> does not accept but deserves its own answer.</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> content) => content.StartsWith(CompoundFileSignature);

    private static DocumentDefect? CheckPdf(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true });
            if (document.IsEncrypted)
            {
                return DocumentDefect.Encrypted;
            }

            return document.NumberOfPages == 0 ? DocumentDefect.Empty : null;
        }
        catch (PdfDocumentEncryptedException)
        {
            return DocumentDefect.Encrypted;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // A parser reading a hostile or damaged file can fail in any way; each failure means the same thing here.
            return DocumentDefect.Unreadable;
        }
    }

    private static DocumentDefect? CheckDocx(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new ReadOnlyMemoryStream(content);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return DocumentDefect.Unreadable;
            }

            return string.IsNullOrWhiteSpace(body.InnerText) ? DocumentDefect.Empty : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // As for PDF: a damaged package or part fails in the SDK's many ways, all of them "unreadable".
            return DocumentDefect.Unreadable;
        }
    }
}
