using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The dashboard's live-refresh script, embedded in the assembly and served as the stylesheet is
/// (<see cref="Web.SiteAssets"/>): under a content-hashed path, cached for a year, from our own origin, so the
/// Content-Security-Policy's <c>script-src 'self'</c> admits it and no inline script is needed.
/// </summary>
public static class DashboardScript
{
    private const string ResourceName = "QuyCheWorkflow.Functions.Status.dashboard.js";

    private static readonly byte[] s_script = Load();

    public static string Path { get; } =
        $"/assets/dashboard.{Convert.ToHexStringLower(SHA256.HashData(s_script))[..12]}.js";

    internal static IEndpointConventionBuilder MapDashboardScript(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, Serve).ExcludeFromDescription();

    private static IResult Serve(HttpContext context)
    {
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        return Results.Bytes(s_script, "text/javascript; charset=utf-8");
    }

    private static byte[] Load()
    {
        using var stream = typeof(DashboardScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
