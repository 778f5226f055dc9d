using System.Security.Cryptography;
using System.Text;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// The office API's <c>Idempotency-Key</c>: a retried request with the same key gets the first outcome, and a key
/// reused for a different request (another path, or another body) is refused with 422 and runs nothing, as the IETF
/// Idempotency-Key draft has it. The request is told apart by a SHA-256 of its method, path, query, content type and
/// body, which <see cref="BufferBodies"/> keeps readable after the endpoint has bound it.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Middleware step: a request carrying the header keeps its body for the fingerprint.</summary>
    public static Task BufferBodies(HttpContext context, Func<Task> next)
    {
        if (context.Request.Headers.ContainsKey(Header))
        {
            context.Request.EnableBuffering();
        }

        return next();
    }

    /// <summary><paramref name="commandName"/> joined with the request's fingerprint: what the request log compares.</summary>
    public static async Task<string> CommandOfAsync(HttpRequest request, string commandName, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n{request.ContentType}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return commandName + "#" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
