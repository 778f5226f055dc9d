namespace QuyCheWorkflow.Functions.Office;

/// <summary>Reads a multipart or url-encoded form; a body that is not a well-formed form is the caller's fault, not a 500.</summary>
internal static class MultipartForms
{
    /// <returns>The form, or null when the body cannot be read as the form its content type announces.</returns>
    public static async Task<IFormCollection?> TryReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException and not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // A missing or wrong boundary, headers that do not parse, a body that ends inside a part. A body over the
            // size limit (BadHttpRequestException, 413) is left to the framework.
            return null;
        }
    }
}
