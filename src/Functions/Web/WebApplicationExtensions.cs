using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;

namespace QuyCheWorkflow.Functions.Web;

public static class WebApplicationExtensions
{
    /// <summary>
    /// The middleware of the people-facing surface, in its order: security headers, error pages / problem details,
    /// routing, authentication and authorization (when <c>AddQuyCheWorkflowAuthentication</c> registered them),
    /// antiforgery; then the stylesheet endpoint. Call it before mapping endpoints.
    /// </summary>
    public static WebApplication UseQuyCheWorkflowWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = ErrorResponses.WriteExceptionAsync,
            StatusCodeSelector = ErrorResponses.SelectStatusCode,

            // A client's fault (bad JSON, a missing antiforgery token, a body too large) is logged briefly by
            // ErrorResponses; only server faults go on record as unhandled errors with their stack trace.
            SuppressDiagnosticsCallback = context => ErrorResponses.IsClientError(context.Exception),
        });
        app.UseStatusCodePages(ErrorResponses.WriteStatusCodeAsync);
        app.UseRouting();
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        app.UseAntiforgery();
        app.MapSiteAssets();
        return app;
    }
}
