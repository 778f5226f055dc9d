namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// One uploaded draft (<i>dự thảo</i>), immutable once recorded. Versions of a drafting cycle are numbered
/// 1, 2, 3, ... with no gaps; only DOCX and PDF are accepted. A version that was not uploaded but taken from a
/// model regulation or from the previous term's issued text says so in <see cref="Origin"/> and names its
/// source in <see cref="SourceId"/>; its <see cref="ContentHash"/> is the source's.
/// </summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record DraftVersion
{
    /// <summary>Content type of a DOCX file.</summary>
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Content type of a PDF file.</summary>
    public const string PdfContentType = "application/pdf";

    /// <param name="number">Version number, from 1.</param>
    /// <param name="contentHash">SHA-256 of the file's bytes.</param>
    /// <param name="fileName">Original file name, for display and download.</param>
    /// <param name="contentType"><see cref="DocxContentType"/> or <see cref="PdfContentType"/>.</param>
    /// <param name="uploadedBy">Who uploaded it.</param>
    /// <param name="uploadedAt">When.</param>
    /// <param name="origin">Where the text came from; rows stored before origins existed read as <see cref="DraftOrigin.Upload"/>.</param>
    /// <param name="sourceId">The model or regulation the text came from; required unless uploaded, absent if uploaded.</param>
    public DraftVersion(int number, ContentHash contentHash, string fileName, string contentType, string uploadedBy, DateTimeOffset uploadedAt,
        DraftOrigin origin = DraftOrigin.Upload, string? sourceId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(uploadedBy);
        if (contentType is not (DocxContentType or PdfContentType))
        {
            throw new DomainException(RefusalCode.DraftFileTypeUnsupported, $"A draft is a DOCX or PDF file; got content type '{contentType}'.",
                new Dictionary<string, string> { ["contentType"] = contentType ?? string.Empty });
        }

        ContentHash.ThrowIfEmpty(contentHash, nameof(contentHash));
        if (!Enum.IsDefined(origin))
        {
            throw new ArgumentOutOfRangeException(nameof(origin), origin, null);
        }

        if ((origin == DraftOrigin.Upload) != string.IsNullOrWhiteSpace(sourceId))
        {
            throw new DomainException(
                RefusalCode.DraftSourceMismatch,
                origin == DraftOrigin.Upload ? "An uploaded draft has no source." : $"A draft taken from {origin} names its source.",
                new Dictionary<string, string> { ["origin"] = origin.ToString() });
        }

        Number = number;
        ContentHash = contentHash;
        FileName = fileName;
        ContentType = contentType;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        Origin = origin;
        SourceId = sourceId;
    }

    public int Number { get; }

    public ContentHash ContentHash { get; }

    public string FileName { get; }

    public string ContentType { get; }

    public string UploadedBy { get; }

    public DateTimeOffset UploadedAt { get; }

    public DraftOrigin Origin { get; }

    /// <summary>The model (<c>publisher:type:version</c>) or the previous term's regulation id; null for an upload.</summary>
    public string? SourceId { get; }
}
