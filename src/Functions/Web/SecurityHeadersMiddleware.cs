using Microsoft.Net.Http.Headers;
using Scalar.AspNetCore;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// Adds the browser hardening headers to every response. They are set when the response starts, so the
/// exception handler clearing the response cannot drop them.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // No script at all is served; styles only from our own stylesheet; forms only post back to us.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// The API reference page only (<see cref="Office.OfficeApi.ReferencePath"/>): its scripts are our own files plus
    /// the page's inline start-up script carrying the request's nonce, and the reference styles itself inline. Every
    /// other response keeps <see cref="ContentSecurityPolicy"/>.
    /// </summary>
    public static string ReferencePagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private static readonly Func<object, Task> s_apply = Apply;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(s_apply, context);
        return next(context);
    }

    private static Task Apply(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] =
            context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) && nonce is string { Length: > 0 } value
                ? ReferencePagePolicy(value)
                : ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        // Personal links carry their token in the URL: never hand it to another site.
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        // Pages behind personal links must not stay in shared caches or the back-forward history of a shared
        // phone; responses that may be cached (the stylesheet) set their own Cache-Control.
        if (!headers.ContainsKey(HeaderNames.CacheControl))
        {
            headers[HeaderNames.CacheControl] = "no-store";
        }

        return Task.CompletedTask;
    }
}
