using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// <c>GET /api/regulations/{regulationId}/timeline</c>: one regulation's audit trail and its notices (sent and scheduled),
/// inside the caller's subtree only.
/// </summary>
public static class RegulationTimelineApi
{
    public const string PathTemplate = "/api/regulations/{regulationId}/timeline";

    public static string PathFor(string regulationId) => $"/api/regulations/{Uri.EscapeDataString(regulationId)}/timeline";

    public static IEndpointRouteBuilder MapRegulationTimelineApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(PathTemplate, GetTimeline).RequireAuthorization(QuyCheWorkflowPolicies.AnyOffice)
            .WithName(nameof(GetTimeline))
            .WithTags("Status")
            .WithSummary("Timeline of a regulation")
            .WithDescription("The regulation's audit trail, oldest first, and its notices: those sent, then those scheduled (isScheduled, \"Dự kiến\"), " +
                "for a regulation inside the caller's subtree; 404 alike for unknown and out of reach.")
            .Produces<RegulationTimelineResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public static async Task<Results<JsonHttpResult<RegulationTimelineResponse>, ValidationProblem, ProblemHttpResult>> GetTimeline(
        string regulationId, HttpContext context, StatusReports reports, CancellationToken cancellationToken)
    {
        if (!IdSyntax.IsValidReference(regulationId))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["regulationId"] = ["Mã quy chế không hợp lệ."] },
                title: "Yêu cầu không hợp lệ");
        }

        var timeline = await reports.ReadTimelineAsync(context.User, regulationId, cancellationToken);
        return timeline is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Không tìm thấy quy chế",
                detail: "Quy chế không tồn tại hoặc không thuộc phạm vi tổ chức của khóa API này.")
            : TypedResults.Json(timeline, StatusApi.JsonOptions);
    }
}
