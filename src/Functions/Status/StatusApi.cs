using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using QuyCheWorkflow.Functions.Security;

using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The status roll-up for upper-level offices: <c>GET /api/status</c> (JSON, or CSV with <c>Accept: text/csv</c>
/// or <c>?format=csv</c>), and the dashboard pages (<see cref="DashboardPages"/>) and regulation timelines
/// (<see cref="RegulationTimelineApi"/>) that read the same data.
/// </summary>
public static class StatusApi
{
    public const string Path = "/api/status";
    public const string FormatParameter = "format";

    /// <summary>
    /// The web defaults with enums as their names ("InVote"), so the values are the ones the filters take, and
    /// Vietnamese written as UTF-8 characters rather than <c>\u</c> escapes (markup characters stay escaped).
    /// </summary>
    internal static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = WebServiceCollectionExtensions.JsonTextEncoder,
    };

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, GetStatus).RequireAuthorization(QuyCheWorkflowPolicies.AnyOffice);
        endpoints.MapRegulationTimelineApi();
        endpoints.MapDashboardPages();
        return endpoints;
    }

    public static async Task<Results<JsonHttpResult<StatusReportResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetStatus(
        HttpContext context, StatusReports reports, CancellationToken cancellationToken)
    {
        bool? csv = WantsCsv(context.Request, out var formatError);
        if (!StatusQuery.TryParse(context.Request.Query, out var query, out var errors) | csv is null)
        {
            if (formatError is not null)
            {
                errors[FormatParameter] = [formatError];
            }

            return TypedResults.ValidationProblem(errors, title: "Tham số lọc không hợp lệ");
        }

        var report = await reports.ReadAsync(context.User, query, cancellationToken);
        if (report is null)
        {
            return OutsideSubtree();
        }

        if (csv == true)
        {
            return TypedResults.File(StatusCsv.Write(report), StatusCsv.ContentType, $"trang-thai-{report.RootOrganisationId}.csv");
        }

        return TypedResults.Json(report, JsonOptions);
    }

    /// <summary>404 alike for "does not exist" and "not yours", so a caller learns nothing outside its subtree.</summary>
    internal static ProblemHttpResult OutsideSubtree() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Không tìm thấy tổ chức",
            detail: "Tổ chức không tồn tại hoặc không thuộc phạm vi tổ chức của khóa API này.");

    private static bool? WantsCsv(HttpRequest request, out string? error)
    {
        error = null;
        if (request.Query.TryGetValue(FormatParameter, out var format))
        {
            switch (format.Count == 1 ? format[0]?.Trim().ToUpperInvariant() : null)
            {
                case "CSV":
                    return true;
                case "JSON":
                    return false;
                default:
                    error = "Tham số 'format' chỉ nhận 'json' hoặc 'csv'.";
                    return null;
            }
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && a.Quality is null or > 0.9);
    }
}
