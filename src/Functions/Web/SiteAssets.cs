using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// The stylesheet, embedded in the assembly so the pages work whatever the host's content root is, served
/// under a content-hashed path so it can be cached for a year.
/// </summary>
public static class SiteAssets
{
    private const string ResourceName = "QuyCheWorkflow.Functions.Web.site.css";

    private static readonly byte[] s_stylesheet = LoadStylesheet();

    public static string StylesheetPath { get; } =
        $"/assets/site.{Convert.ToHexStringLower(SHA256.HashData(s_stylesheet))[..12]}.css";

    internal static IEndpointConventionBuilder MapSiteAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(StylesheetPath, ServeStylesheet).ExcludeFromDescription();

    private static IResult ServeStylesheet(HttpContext context)
    {
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        return Results.Bytes(s_stylesheet, "text/css; charset=utf-8");
    }

    private static byte[] LoadStylesheet()
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
