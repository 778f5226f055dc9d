using Microsoft.Net.Http.Headers;

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
        var headers = ((HttpContext)state).Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
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
