using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.ApiReference;
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
        endpoints.MapGet(Path, GetStatus).RequireAuthorization(QuyCheWorkflowPolicies.AnyOffice)
            .WithName(nameof(GetStatus))
            .WithTags("Status")
            .WithSummary("Status roll-up of a subtree")
            .WithDescription("One row per organisation of the subtree: its regulation's stage, compliance, whether it is overdue or missing, " +
                "who the process waits for, and the regulation's next scheduled notice and last sent one (what, to whom, when). " +
                "JSON by default; CSV (UTF-8) with format=csv or Accept: text/csv. Every filter narrows " +
                "the rows; an unknown value is refused (400) rather than ignored. 404 alike for an organisation that does not exist and " +
                "one outside the caller's subtree.")
            .WithQueryParameters(
                new ApiField(StatusQuery.OrganisationIdParameter, "string",
                    "The root of the subtree to report; the caller's own organisation when left out. At most 64 letters, digits, '-', '_' or '.'."),
                ApiField.OneOf<ComplianceStatus>(StatusQuery.ComplianceParameter, "Only organisations of this compliance status."),
                new ApiField(StatusQuery.OverdueParameter, "boolean", "true: only overdue organisations; false: only those not overdue."),
                new ApiField(StatusQuery.MissingParameter, "boolean", "true: only organisations missing their regulation; false: only the others."),
                ApiField.OneOf<RegulationStage>(StatusQuery.StageParameter,
                    $"Only organisations whose regulation is at this stage; '{StatusQuery.NoStage}' selects those without any regulation.",
                    extra: StatusQuery.NoStage),
                ApiField.OneOf<OrganisationType>(StatusQuery.TypeParameter, "Only organisations of this type."),
                new ApiField(StatusQuery.CopiedParameter, "boolean",
                    "true: only organisations whose current text is at least the upper level's threshold (default 90 %) alike to the previous term's regulation; false: only the others."),
                new ApiField(StatusQuery.FormalConsultationParameter, "boolean",
                    "true: only organisations whose latest closed consultation was held for form (response rate or bare agreements past the upper level's thresholds); false: only the others."),
                new ApiField(FormatParameter, "string", "The answer's format: json (the default) or csv; overrides the Accept header.", Values: ["json", "csv"]))
            .Produces<StatusReportResponse>(StatusCodes.Status200OK)
            .ProducesText(StatusCodes.Status200OK, StatusCsv.ContentType, "The same rows as CSV (UTF-8), one line per organisation.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
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
