using System.IO.Compression;
using System.Text;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Decides from the bytes alone whether an upload is a PDF or a DOCX; the file name and the declared content type
/// are never trusted. A DOCX is a ZIP: only its central directory is read, plus at most
/// <see cref="MaxContentTypesBytes"/> of <c>[Content_Types].xml</c>, so a ZIP bomb is never inflated; archives with
/// more than <see cref="MaxEntries"/> entries, declared sizes past <see cref="MaxTotalUncompressedBytes"/> or a
/// compression ratio past <see cref="MaxCompressionRatio"/> are refused. Stateless and thread-safe.
/// </summary>
public static class DocumentSniffer
{
    public const int MaxEntries = 2_000;
    public const long MaxTotalUncompressedBytes = 512L * 1024 * 1024;
    public const int MaxCompressionRatio = 200;
    public const int MaxContentTypesBytes = 256 * 1024;

    private const string ContentTypesEntry = "[Content_Types].xml";
    private const string DocumentEntry = "word/document.xml";
    private const string WordMainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private static readonly SniffedDocument s_pdf = new(DocumentKind.Pdf, DraftVersion.PdfContentType, ".pdf");
    private static readonly SniffedDocument s_docx = new(DocumentKind.Docx, DraftVersion.DocxContentType, ".docx");

    /// <summary>The kind of <paramref name="content"/>, or null when it is neither a PDF nor a sound DOCX.</summary>
    public static SniffedDocument? Sniff(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.StartsWith("%PDF-"u8))
        {
            return s_pdf;
        }

        // Local file header signature PK\x03\x04: anything else is not a ZIP we accept.
        return span.StartsWith("PK\x03\x04"u8) && IsWordDocument(content) ? s_docx : null;
    }

    private static bool IsWordDocument(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var archive = new ZipArchive(new ReadOnlyMemoryStream(content), ZipArchiveMode.Read, leaveOpen: false);
            var entries = archive.Entries;
            if (entries.Count > MaxEntries)
            {
                return false;
            }

            long total = 0;
            ZipArchiveEntry? contentTypes = null;
            var hasDocument = false;
            foreach (var entry in entries)
            {
                total += entry.Length;
                if (entry.Length < 0 || total > MaxTotalUncompressedBytes ||
                    (entry.Length > 1024 && entry.Length / Math.Max(entry.CompressedLength, 1) > MaxCompressionRatio))
                {
                    return false;
                }

                if (entry.FullName == ContentTypesEntry)
                {
                    contentTypes = entry;
                }
                else if (entry.FullName == DocumentEntry)
                {
                    hasDocument = true;
                }
            }

            return hasDocument && contentTypes is not null && DeclaresWordMainPart(contentTypes);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool DeclaresWordMainPart(ZipArchiveEntry contentTypes)
    {
        if (contentTypes.Length > MaxContentTypesBytes)
        {
            return false;
        }

        using var stream = contentTypes.Open();
        var buffer = new byte[MaxContentTypesBytes + 1];
        var read = 0;
        int n;
        // The declared length can lie: never read past the cap whatever the stream yields.
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return read <= MaxContentTypesBytes &&
            Encoding.UTF8.GetString(buffer, 0, read).Contains(WordMainContentType, StringComparison.Ordinal);
    }
}
