using Microsoft.Net.Http.Headers;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>Reads an import file sent as the body (<c>text/csv</c>) or as the <c>file</c> part of a multipart form.</summary>
internal static class ImportUploads
{
    public const string FilePart = "file";

    public static async Task<(byte[]? Content, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            if (await MultipartForms.TryReadAsync(request, cancellationToken) is not { } form)
            {
                return (null, OfficeProblems.MalformedForm());
            }

            var file = form.Files.GetFile(FilePart);
            if (file is null || file.Length == 0)
            {
                return (null, OfficeProblems.Invalid(FilePart, "Thiếu tệp CSV (phần 'file')."));
            }

            if (file.Length > maxBytes)
            {
                return (null, OfficeProblems.TooLarge(maxBytes));
            }

            var bytes = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return (bytes, null);
        }

        if (!IsCsv(request.ContentType))
        {
            return (null, OfficeProblems.UnsupportedImport());
        }

        using MemoryStream body = new();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                return (null, OfficeProblems.TooLarge(maxBytes));
            }

            body.Write(buffer, 0, read);
        }

        return body.Length == 0
            ? (null, OfficeProblems.Invalid(FilePart, "Thiếu nội dung tệp CSV."))
            : (body.ToArray(), null);
    }

    private static bool IsCsv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)
            || parsed.MediaType.Equals("application/csv", StringComparison.OrdinalIgnoreCase));
}
