namespace QuyCheWorkflow.Functions.OfficeConsole;

/// <summary>303 See Other: after a form is sent the browser follows with a GET, so reloading never sends it again.</summary>
internal sealed class SeeOther(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
