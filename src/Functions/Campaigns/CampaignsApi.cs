using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.ApiReference;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// Campaigns (<i>đợt chỉ đạo</i>) over the API: an upper-level office (or an administrator) starts one over its
/// subtree and closes it; every office reads the campaigns it runs or that cover it, one with its roll-up, and exports
/// the roll-up as CSV or XLSX. Starting is idempotent by <c>Idempotency-Key</c> (the key becomes the campaign's id:
/// the same request again returns the campaign started first; another request with that key is refused). Problems
/// are RFC 9457 details in Vietnamese.
/// </summary>
public static class CampaignsApi
{
    public const string Path = "/api/campaigns";

    private const string StateMessage = "Trạng thái phải là NotStarted, UnderWay, Done hoặc Late.";

    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path)
            .RequireAuthorization(policy => policy.RequireRole(nameof(ApiRole.Office), nameof(ApiRole.UpperLevelOffice), nameof(ApiRole.Administrator)))
            .WithTags("Campaigns")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListCampaigns).WithName(nameof(ListCampaigns))
            .WithSummary("List campaigns")
            .WithDescription("The campaigns run by an office in the caller's subtree or covering the caller's organisation, latest deadline first. The same rule decides who reads one: the office that runs it and those above it see every member; the office of a covered organisation sees its own part.");
        group.MapGet("/{campaignId}", GetCampaign).WithName(nameof(GetCampaign))
            .WithSummary("Read a campaign with its roll-up")
            .WithDescription("Counts by state (NotStarted, UnderWay, Done, Late), how many members are flagged copied from the previous term (copiedCount) and consulted for form (formalConsultationCount), and the members, the late first, each with its likeness to the previous term's regulation, the copied flag, its last closed consultation and the formal flag; ?state= keeps one state.");
        group.MapGet("/{campaignId}/export.csv", ExportCampaignCsv).WithName(nameof(ExportCampaignCsv))
            .WithSummary("Export the roll-up as CSV")
            .WithDescription("The members with their state, stage, regulation number, completion date, likeness to the previous term's regulation, copied flag and formal-consultation flag, the late first (?state= keeps one state): UTF-8 with a byte-order mark, headers in Vietnamese.")
            .ProducesText(StatusCodes.Status200OK, CampaignExport.CsvContentType, "The roll-up as CSV (UTF-8 with a byte-order mark), one line per organisation.");
        group.MapGet("/{campaignId}/export.xlsx", ExportCampaignXlsx).WithName(nameof(ExportCampaignXlsx))
            .WithSummary("Export the roll-up as XLSX")
            .WithDescription("The same columns as the CSV export, as one worksheet.")
            .ProducesText(StatusCodes.Status200OK, CampaignExport.XlsxContentType, "The roll-up as an Excel workbook (binary).");
        group.MapGet("/{campaignId}/final-report.xlsx", DownloadCampaignFinalReport).WithName(nameof(DownloadCampaignFinalReport))
            .WithSummary("Download the final report of a closed campaign")
            .WithDescription("The roll-up as of the closing, kept when the campaign closed, with the same columns as the XLSX export. For the office that ran it and those above; 404 while it is open.")
            .ProducesText(StatusCodes.Status200OK, CampaignExport.XlsxContentType, "The roll-up as an Excel workbook (binary).");
        group.MapPost("/", StartCampaignEndpoint).WithName("StartCampaign")
            .WithSummary("Start a campaign")
            .WithDescription("Upper-level offices and administrators: starts a campaign over the subtree of an organisation the caller reaches.")
            .RequireAuthorization(policy => policy.RequireRole(nameof(ApiRole.UpperLevelOffice), nameof(ApiRole.Administrator)))
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{campaignId}/close", CloseCampaignEndpoint).WithName("CloseCampaign")
            .WithSummary("Close a campaign early")
            .WithDescription("Upper-level offices and administrators: closes the campaign (no more reminders) and keeps the roll-up as of now as its final report. 409 when already closed.")
            .RequireAuthorization(policy => policy.RequireRole(nameof(ApiRole.UpperLevelOffice), nameof(ApiRole.Administrator)))
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    public static async Task<Ok<IReadOnlyList<CampaignResponse>>> ListCampaigns(HttpContext context, CampaignWorkflow workflow, CancellationToken cancellationToken)
    {
        var campaigns = await workflow.ListAsync(context.User, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CampaignResponse>>([.. campaigns.Select(CampaignResponse.From)]);
    }

    public static async Task<Results<Ok<CampaignResponse>, ValidationProblem, ProblemHttpResult>> GetCampaign(
        string campaignId, string? state, HttpContext context, CampaignWorkflow workflow, CancellationToken cancellationToken)
    {
        if (!TryReadState(state, out var only))
        {
            return OfficeProblems.Invalid("state", StateMessage);
        }

        if (await workflow.ViewAsync(context.User, campaignId, cancellationToken) is not { } view)
        {
            return OfficeProblems.NotFound("đợt chỉ đạo");
        }

        var rollUp = await workflow.RollUpAsync(view, cancellationToken);
        return TypedResults.Ok(CampaignResponse.From(rollUp, only));
    }

    /// <summary>
    /// Reads the <c>state</c> filter of a roll-up (NotStarted, UnderWay, Done or Late, any case): null when none is
    /// given; false when it names no state.
    /// </summary>
    public static bool TryReadState(string? state, out CampaignComplianceState? only)
    {
        only = null;
        if (string.IsNullOrEmpty(state))
        {
            return true;
        }

        if (!Enum.TryParse<CampaignComplianceState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(state, out _))
        {
            return false;
        }

        only = parsed;
        return true;
    }

    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportCampaignCsv(
        string campaignId, string? state, HttpContext context, CampaignWorkflow workflow, CancellationToken cancellationToken) =>
        ExportAsync(campaignId, state, context, workflow, CampaignExport.Csv, CampaignExport.CsvContentType, "csv", cancellationToken);

    public static Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportCampaignXlsx(
        string campaignId, string? state, HttpContext context, CampaignWorkflow workflow, CancellationToken cancellationToken) =>
        ExportAsync(campaignId, state, context, workflow, CampaignExport.Xlsx, CampaignExport.XlsxContentType, "xlsx", cancellationToken);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadCampaignFinalReport(
        string campaignId, HttpContext context, CampaignWorkflow workflow, DocumentStore documents, CancellationToken cancellationToken)
    {
        if (await workflow.ViewAsync(context.User, campaignId, cancellationToken) is not { IsWhole: true, Campaign: { FinalReport: { } hash } campaign }
            || await documents.DownloadAsync(hash, cancellationToken) is not { } report)
        {
            return OfficeProblems.NotFound("báo cáo kết thúc đợt chỉ đạo");
        }

        return TypedResults.File(report.Content.ToArray(), CampaignExport.XlsxContentType, CampaignWorkflow.FinalReportFileName(campaign));
    }

    public static async Task<Results<Created<CampaignResponse>, ValidationProblem, ProblemHttpResult>> StartCampaignEndpoint(
        StartCampaignRequest body, HttpContext context, CampaignWorkflow workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string key = context.Request.Headers[IdempotencyKeys.Header].ToString().Trim();
        if (key.Length > 0 && !CampaignWorkflow.IsCampaignId(key))
        {
            return OfficeProblems.Invalid(IdempotencyKeys.Header, "Idempotency-Key tối đa 64 ký tự chữ, số, '-', '_' hoặc '.'.");
        }

        var request = CampaignFields.Read(body, key.Length > 0 ? key : Guid.NewGuid().ToString("N"), context.User.GetOrganisationId(), errors);
        if (request is null)
        {
            return OfficeProblems.Invalid(errors);
        }

        var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
        try
        {
            return await workflow.StartAsync(context.User, actor, request, cancellationToken) is { } campaign
                ? TypedResults.Created($"{Path}/{campaign.Id}", CampaignResponse.From(campaign))
                : OfficeProblems.NotFound("tổ chức");
        }
        catch (DomainException refusal)
        {
            return OfficeProblems.Refused(refusal);
        }
    }

    public static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> CloseCampaignEndpoint(
        string campaignId, CloseCampaignRequest? body, HttpContext context, CampaignWorkflow workflow, CancellationToken cancellationToken)
    {
        var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
        try
        {
            return await workflow.CloseAsync(context.User, actor, campaignId, body?.Note, cancellationToken) is { } closed
                ? TypedResults.Ok(CampaignResponse.From(closed))
                : OfficeProblems.NotFound("đợt chỉ đạo");
        }
        catch (DomainException refusal)
        {
            return OfficeProblems.Refused(refusal);
        }
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string campaignId, string? state, HttpContext context, CampaignWorkflow workflow,
        Func<CampaignRollUp, byte[]> write, string contentType, string extension, CancellationToken cancellationToken)
    {
        if (!TryReadState(state, out var only))
        {
            return OfficeProblems.Invalid("state", StateMessage);
        }

        if (await workflow.ViewAsync(context.User, campaignId, cancellationToken) is not { } view)
        {
            return OfficeProblems.NotFound("đợt chỉ đạo");
        }

        var rollUp = await workflow.RollUpAsync(view, cancellationToken);
        return TypedResults.File(write(only is null ? rollUp : new CampaignRollUp(rollUp.Campaign, rollUp.At, rollUp.In(only))), contentType,
            $"dot-chi-dao-{view.Campaign.Id}.{extension}");
    }
}
