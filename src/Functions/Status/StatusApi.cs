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
                "JSON by default; CSV (UTF-8) with format=csv or Accept: text/csv; XLSX with format=xlsx. Every filter narrows " +
                "the rows; an unknown value is refused (400) rather than ignored. Rows come in tree order unless sort names a column " +
                "(rows without a value last in either order). Without page every matching row is returned; with page, that page of " +
                "pageSize rows, and page, pageSize and pageCount say where it lies; count is always the number of matching rows. " +
                "counts gives, for the whole subtree whatever the filters, the organisations per stage and per problem (missing, " +
                "overdue, returned, copied, formalConsultation), each as its filter selects them. 404 alike for an organisation that does not exist and one outside the caller's subtree.")
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
                new ApiField(StatusQuery.ReturnedParameter, "boolean",
                    "true: only organisations whose filing the upper level returned and which have not filed again; false: only the others."),
                new ApiField(StatusQuery.SearchParameter, "string",
                    $"Only organisations whose name or code contains these words, ignoring case and Vietnamese diacritics ('ha noi' finds 'Hà Nội'). At most {StatusQuery.MaxSearchLength} characters."),
                ApiField.OneOf<StatusSort>(StatusQuery.SortParameter, "The column to order by: Tree (the default: each organisation before those below it), Name (Vietnamese alphabetical), " +
                    "Stage (lifecycle order), Number, Issued, Filed, Acknowledged, LastReview, NextReview, Pending (how many parties it waits for), " +
                    "Flags (how many of missing, overdue, returned, then the next notice), Likeness (the percentage alike to the previous term's regulation), " +
                    "Consultation (the latest closed consultation's response rate)."),
                new ApiField(StatusQuery.OrderParameter, "string", "asc (the default) or desc.", Values: ["asc", "desc"]),
                new ApiField(StatusQuery.PageParameter, "integer", "The page to return, from 1; every matching row when left out. A page past the last is empty."),
                new ApiField(StatusQuery.PageSizeParameter, "integer",
                    $"Rows per page, 1 to {StatusQuery.MaxPageSize}; {StatusQuery.DefaultPageSize} when left out. Only with page."),
                new ApiField(StatusQuery.CopiedParameter, "boolean",
                    "true: only organisations whose current text is at least the upper level's threshold (default 90 %) alike to the previous term's regulation; false: only the others."),
                new ApiField(StatusQuery.FormalConsultationParameter, "boolean",
                    "true: only organisations whose latest closed consultation was held for form (response rate or bare agreements past the upper level's thresholds); false: only the others."),
                new ApiField(FormatParameter, "string", "The answer's format: json (the default), csv or xlsx; overrides the Accept header.", Values: ["json", "csv", "xlsx"]))
            .Produces<StatusReportResponse>(StatusCodes.Status200OK)
            .ProducesText(StatusCodes.Status200OK, StatusCsv.ContentType, "The same rows as CSV (UTF-8 with a byte-order mark, comma-separated), one line per organisation.")
            .ProducesText(StatusCodes.Status200OK, StatusXlsx.ContentType,
                "The same rows as an Excel workbook (binary): one sheet, a frozen header row, days as date cells.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapRegulationTimelineApi();
        return endpoints;
    }

    public static async Task<Results<JsonHttpResult<StatusReportResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetStatus(
        HttpContext context, StatusReports reports, CancellationToken cancellationToken)
    {
        string? format = WantedFormat(context.Request, out var formatError);
        if (!StatusQuery.TryParse(context.Request.Query, out var query, out var errors) | format is null)
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

        if (format == "CSV")
        {
            return TypedResults.File(StatusCsv.Write(report), StatusCsv.ContentType, $"trang-thai-{report.RootOrganisationId}.csv");
        }

        if (format == "XLSX")
        {
            return TypedResults.File(StatusXlsx.Write(report), StatusXlsx.ContentType, $"trang-thai-{report.RootOrganisationId}.xlsx");
        }

        return TypedResults.Json(report, JsonOptions);
    }

    /// <summary>404 alike for "does not exist" and "not yours", so a caller learns nothing outside its subtree.</summary>
    internal static ProblemHttpResult OutsideSubtree() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Không tìm thấy tổ chức",
            detail: "Tổ chức không tồn tại hoặc không thuộc phạm vi tổ chức của khóa API này.");

    // "JSON", "CSV" or "XLSX"; null (with the error) for a format parameter that names none of them.
    private static string? WantedFormat(HttpRequest request, out string? error)
    {
        error = null;
        if (request.Query.TryGetValue(FormatParameter, out var format))
        {
            switch (format.Count == 1 ? format[0]?.Trim().ToUpperInvariant() : null)
            {
                case string known when known is "CSV" or "JSON" or "XLSX":
                    return known;
                default:
                    error = "Tham số 'format' chỉ nhận 'json', 'csv' hoặc 'xlsx'.";
                    return null;
            }
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) && a.Quality is null or > 0.9)
            ? "CSV"
            : "JSON";
    }
}
