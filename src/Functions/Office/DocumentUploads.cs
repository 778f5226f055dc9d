namespace QuyCheWorkflow.Functions.Office;

/// <summary>Reads the <c>file</c> part of a multipart upload, refuses what is too large or not DOCX/PDF by content.</summary>
internal static class DocumentUploads
{
    public const string FilePart = "file";

    public static async Task<(UploadedDocument? Document, IResult? Problem, IFormCollection? Form)> ReadAsync(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, OfficeProblems.Invalid(FilePart, "Gửi tệp dạng multipart/form-data, phần 'file'."), null);
        }

        if (await MultipartForms.TryReadAsync(request, cancellationToken) is not { } form)
        {
            return (null, OfficeProblems.MalformedForm(), null);
        }

        var (document, refusal) = await CheckAsync(form.Files.GetFile(FilePart), maxBytes, cancellationToken);
        return (document, refusal is null ? null : OfficeProblems.Refused(refusal), form);
    }

    /// <summary>
    /// The uploaded <paramref name="file"/> as a document, or why it is refused: missing or empty, larger than
    /// <paramref name="maxBytes"/>, neither DOCX nor PDF by content, or a document people could not open.
    /// </summary>
    public static async Task<(UploadedDocument? Document, UploadRefusal? Refusal)> CheckAsync(
        IFormFile? file, long maxBytes, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return (null, UploadRefusal.Missing);
        }

        if (file.Length > maxBytes)
        {
            return (null, UploadRefusal.TooLarge(maxBytes));
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var sniffed = DocumentSniffer.Sniff(bytes);
        if (sniffed is null)
        {
            return DocumentContentCheck.IsCompoundFile(bytes)
                ? (null, UploadRefusal.Defective(DocumentDefect.LegacyOrEncryptedWord))
                : (null, UploadRefusal.Unsupported);
        }

        if (DocumentContentCheck.Check(sniffed.Kind, bytes) is { } defect)
        {
            return (null, UploadRefusal.Defective(defect));
        }

        return (new UploadedDocument(bytes, DisplayName(file.FileName, sniffed), sniffed), null);
    }

    /// <summary>The name is kept for display only: path parts dropped, the extension the content proved.</summary>
    private static string DisplayName(string? given, SniffedDocument sniffed)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension((given ?? string.Empty).Replace('\\', '/').Split('/')[^1]);
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length == 0)
        {
            name = "tai-lieu";
        }

        return (name.Length > 120 ? name[..120] : name) + sniffed.Extension;
    }
}
