using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// Writes error bodies: RFC 9457 problem details for the API (anything under /api, or a client that does not
/// ask for HTML), a readable Vietnamese page for people.
/// </summary>
internal static class ErrorResponses
{
    public static bool WantsProblemDetails(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // People arrive with a browser, which always asks for text/html; anything else (the Functions host's
        // trigger calls, curl, scripts) gets problem details.
        var accept = request.GetTypedHeaders().Accept;
        var html = accept.Any(static a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        return !html;
    }

    public static async Task WriteStatusCodeAsync(StatusCodeContext context)
    {
        var httpContext = context.HttpContext;
        await WriteAsync(httpContext, httpContext.Response.StatusCode, detail: null);
    }

    public static async Task WriteExceptionAsync(HttpContext httpContext)
    {
        var status = httpContext.Response.StatusCode is >= 400 and < 600
            ? httpContext.Response.StatusCode
            : StatusCodes.Status500InternalServerError;
        httpContext.Response.StatusCode = status;
        if (httpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && IsClientError(error))
        {
            var logger = httpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorResponses).FullName!);
            string path = httpContext.Request.Path.Value ?? string.Empty;
            string reason = (error.InnerException ?? error).GetType().Name;
            Log.ClientErrorRefused(logger, httpContext.Request.Method, path, status, reason);
        }

        await WriteAsync(httpContext, status, detail: null);
    }

    public static int SelectStatusCode(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>True for an exception that means the request was wrong (a 4xx), not that the server failed.</summary>
    public static bool IsClientError(Exception exception) => SelectStatusCode(exception) is >= 400 and < 500;

    private static async Task WriteAsync(HttpContext httpContext, int statusCode, string? detail)
    {
        if (WantsProblemDetails(httpContext.Request))
        {
            var problems = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Status = statusCode, Detail = detail },
                Exception = httpContext.Features.Get<IExceptionHandlerFeature>()?.Error,
            });
            return;
        }

        httpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
        await MessagePages.ForStatus(statusCode).ExecuteAsync(httpContext);
    }
}
