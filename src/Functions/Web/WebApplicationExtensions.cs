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
