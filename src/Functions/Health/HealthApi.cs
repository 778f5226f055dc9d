using Microsoft.AspNetCore.Http.HttpResults;

namespace QuyCheWorkflow.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when blob, queue, table and SMTP are reachable, 503 otherwise.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api/health", GetHealthAsync).WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("Health check")
            .WithDescription("Whether blob, queue and table storage and the mail server are reachable: 200 when all are, 503 with the same report otherwise. Needs no API key.")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealthAsync(
        HealthProbe probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var report = await probe.CheckAsync(cancellationToken);
        return report.Status == HealthCheckStatus.Ok
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
