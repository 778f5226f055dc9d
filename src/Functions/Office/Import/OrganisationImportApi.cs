using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Functions.ApiReference;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// CSV imports of an office's subtree: organisations (<see cref="OrganisationCsv"/>) and standing committees
/// (<see cref="CommitteeCsv"/>), as <c>text/csv</c> or the <c>file</c> part of a multipart form, at most
/// <c>Office:MaxUploadBytes</c> and <c>Office:MaxImportRows</c>. All or nothing: every row is checked first and any
/// fault answers 400 naming its line and column, with nothing written. An <c>Idempotency-Key</c> header makes an
/// import run once (<see cref="RequestLog"/>); without one, importing the same file again changes nothing.
/// </summary>
public static class OrganisationImportApi
{
    public const string Path = OrganisationsApi.Path + "/import";
    public const string MembersPath = Path + "/members";

    /// <summary>Replayed outcomes are recorded in the request log, whose outcome column holds about 30,000 characters.</summary>
    private const int MaxRecordedOutcomeChars = 25_000;

    public static RouteGroupBuilder MapOrganisationImportApi(this IEndpointRouteBuilder endpoints, long maxUploadBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path)
            .RequireAuthorization(policy => policy.RequireRole(nameof(ApiRole.Office), nameof(ApiRole.UpperLevelOffice), nameof(ApiRole.Administrator)))
            .WithTags("Organisations")
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes + OfficeApiOptions.MultipartOverheadBytes))
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/", ImportOrganisations).WithName(nameof(ImportOrganisations)).Accepts<IFormFile>("text/csv", "multipart/form-data")
            .WithSummary("Import organisations from CSV")
            .WithDescription("Creates the new organisations of the file (parents anywhere in it) and updates the changed ones, all or nothing. " +
                "Columns: id,parentId,name,code,type,term required; officeEmail; committeeName (empty: derived from the name); secretaryId,secretaryName,secretaryEmail. " +
                "Send text/csv, or multipart/form-data with the file in the part 'file'. 400 names each faulty line and column; " +
                "409 when an organisation changed during the import; 422 when the Idempotency-Key was used for another request.")
            .WithFormFields(new ApiField("file", "string", "The CSV file (UTF-8).", "binary", Required: true));
        group.MapPost("/members", ImportCommittees).WithName(nameof(ImportCommittees)).Accepts<IFormFile>("text/csv", "multipart/form-data")
            .WithSummary("Import standing committees from CSV")
            .WithDescription("Replaces the standing committee of every organisation the file names by the rows that name it, all or nothing. " +
                "Columns: organisationId,memberId,fullName,role,email. Send text/csv, or multipart/form-data with the file in the part 'file'.")
            .WithFormFields(new ApiField("file", "string", "The CSV file (UTF-8).", "binary", Required: true));
        return group;
    }

    /// <summary>Creates the new organisations of the file (parents anywhere in it) and updates the changed ones.</summary>
    public static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> ImportOrganisations(
        HttpContext context, OrganisationImporter importer, RequestLog requests, IOptions<OfficeApiOptions> options,
        CancellationToken cancellationToken)
    {
        var (content, problem) = await ImportUploads.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken);
        if (content is null)
        {
            return problem is ValidationProblem validation ? validation : (ProblemHttpResult)problem!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var steps = await importer.PlanOrganisationsAsync(context.User, content, options.Value.MaxImportRows, errors, cancellationToken);
        return errors.Count > 0
            ? OfficeProblems.Invalid(errors)
            : await RunAsync(context, importer, requests, nameof(ImportOrganisations), steps, cancellationToken);
    }

    /// <summary>Replaces the standing committee of every organisation the file names by the rows that name it.</summary>
    public static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> ImportCommittees(
        HttpContext context, OrganisationImporter importer, RequestLog requests, IOptions<OfficeApiOptions> options,
        CancellationToken cancellationToken)
    {
        var (content, problem) = await ImportUploads.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken);
        if (content is null)
        {
            return problem is ValidationProblem validation ? validation : (ProblemHttpResult)problem!;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var steps = await importer.PlanCommitteesAsync(context.User, content, options.Value.MaxImportRows, errors, cancellationToken);
        return errors.Count > 0
            ? OfficeProblems.Invalid(errors)
            : await RunAsync(context, importer, requests, nameof(ImportCommittees), steps, cancellationToken);
    }

    private static async Task<Results<Ok<ImportSummary>, ValidationProblem, ProblemHttpResult>> RunAsync(
        HttpContext context, OrganisationImporter importer, RequestLog requests, string commandName, IReadOnlyList<ImportStep> steps,
        CancellationToken cancellationToken)
    {
        var key = context.Request.Headers[RegulationsApi.IdempotencyKeyHeader].ToString().Trim();
        if (key.Length > 0 && OrganisationFields.Id(key, RegulationsApi.IdempotencyKeyHeader, new(StringComparer.Ordinal)) is null)
        {
            return OfficeProblems.Invalid(RegulationsApi.IdempotencyKeyHeader, "Idempotency-Key tối đa 64 ký tự chữ, số, '-', '_' hoặc '.'.");
        }

        var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
        try
        {
            if (key.Length == 0)
            {
                return TypedResults.Ok(await importer.ApplyAsync(actor, steps, cancellationToken));
            }

            ImportSummary? first = null;
            var scope = context.User.GetOrganisationId() ?? "admin";
            var recorded = await requests.ExecuteOnceAsync($"api-import-{scope}-{key}",
                await IdempotencyKeys.CommandOfAsync(context.Request, commandName, cancellationToken), async ct =>
            {
                first = await importer.ApplyAsync(actor, steps, ct);
                return StateJson.Serialize(first).Length <= MaxRecordedOutcomeChars ? first : first with
                {
                    CreatedIds = [],
                    UpdatedIds = [],
                    UnchangedIds = [],
                    IdsOmitted = true,
                };
            }, cancellationToken);
            return TypedResults.Ok(first ?? recorded);
        }
        catch (ImportInterruptedException exception)
        {
            return OfficeProblems.Conflict(
                $"Tổ chức '{exception.OrganisationId}' vừa được người khác thay đổi trong lúc nhập; {exception.Written} thay đổi trước đó đã được ghi. " +
                "Nhập lại cùng tệp để hoàn tất: các dòng đã ghi sẽ được báo là không đổi.");
        }
        catch (RequestInProgressException)
        {
            return OfficeProblems.Conflict("Yêu cầu cùng Idempotency-Key đang được xử lý; đề nghị thử lại sau.");
        }
        catch (RequestIdReusedException)
        {
            return OfficeProblems.KeyReused();
        }
    }
}
