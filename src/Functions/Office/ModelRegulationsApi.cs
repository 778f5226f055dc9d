using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.ApiReference;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Model regulations (<i>quy chế mẫu</i>): an upper-level office (or an administrator) publishes one per
/// organisation type on an organisation it reaches, as a DOCX or PDF sniffed and size-limited like a draft; a new
/// publication replaces the previous one of that organisation and type (kept as history, audited with its hash on
/// the organisation's chain), and publishing the same file and title again changes nothing. Every office reads the
/// models in effect at an organisation it reaches (its own, else the nearest ancestor's, per type) and downloads
/// their files; a regulation started from a model takes the one of the nearest organisation above it.
/// </summary>
public static class ModelRegulationsApi
{
    public const string Path = "/api/organisations/{organisationId}/model-regulations";

    public static RouteGroupBuilder MapModelRegulationsApi(this IEndpointRouteBuilder endpoints, long maxUploadBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path)
            .RequireAuthorization(policy => policy.RequireRole(nameof(ApiRole.Office), nameof(ApiRole.UpperLevelOffice), nameof(ApiRole.Administrator)))
            .WithTags("Model regulations")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListModelRegulations).WithName(nameof(ListModelRegulations))
            .WithSummary("List the model regulations in effect")
            .WithDescription("The model regulations in effect at the organisation, one per organisation type that has one: its own, else the nearest ancestor's.");
        group.MapGet("/{type}/file", DownloadModelRegulation).WithName(nameof(DownloadModelRegulation))
            .WithSummary("Download a model regulation")
            .WithDescription("The file (DOCX or PDF) of the model regulation of the type in effect at the organisation. 400 for an unknown type.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        group.MapPut("/{type}", PublishModelRegulation).WithName(nameof(PublishModelRegulation))
            .WithSummary("Publish a model regulation")
            .WithDescription("Upper-level offices and administrators: publishes the model regulation of an organisation type on the organisation, replacing the previous one (kept as history). Publishing the same file and title again changes nothing. 415 for a file that is neither DOCX nor PDF, 422 for one that cannot be opened.")
            .WithFormFields(
                ApiField.Document("The model regulation: DOCX or PDF, recognised by content."),
                new ApiField("title", "string", "The model regulation's title.", Required: true))
            .RequireAuthorization(policy => policy.RequireRole(nameof(ApiRole.UpperLevelOffice), nameof(ApiRole.Administrator)))
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes + OfficeApiOptions.MultipartOverheadBytes))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    /// <summary>The models in effect at the organisation, one per type that has one, nearest publisher first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ModelRegulationResponse>>, ProblemHttpResult>> ListModelRegulations(
        string organisationId, HttpContext context, OrganisationAccess access, ModelRegulationStore models, CancellationToken cancellationToken)
    {
        if (!await RegulationsApi.Commands.ReachesAsync(context, access, organisationId, cancellationToken))
        {
            return OfficeProblems.NotFound("tổ chức");
        }

        var inEffect = await models.ListInEffectAsync(organisationId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ModelRegulationResponse>>([.. inEffect.Select(m => ModelRegulationResponse.From(m, organisationId))]);
    }

    /// <summary>The file of the model of <paramref name="type"/> in effect at the organisation.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> DownloadModelRegulation(
        string organisationId, string type, HttpContext context, OrganisationAccess access, ModelRegulationStore models,
        DocumentStore documents, CancellationToken cancellationToken)
    {
        if (!await RegulationsApi.Commands.ReachesAsync(context, access, organisationId, cancellationToken))
        {
            return OfficeProblems.NotFound("tổ chức");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (OrganisationFields.Type(type, "type", errors) is not { } parsed)
        {
            return OfficeProblems.Invalid(errors);
        }

        var model = await models.FindApplicableAsync(organisationId, parsed, includeSelf: true, cancellationToken);
        var document = model is null ? null : await documents.DownloadAsync(model.ContentHash, cancellationToken);
        return document is null
            ? OfficeProblems.NotFound("quy chế mẫu của loại hình này")
            : TypedResults.File(document.Content.ToArray(), document.ContentType, document.FileName);
    }

    /// <summary>Multipart: <c>file</c> (DOCX or PDF) and <c>title</c>. Publishes the model of <paramref name="type"/> of the organisation.</summary>
    public static async Task<Results<Ok<ModelRegulationResponse>, ValidationProblem, ProblemHttpResult>> PublishModelRegulation(
        string organisationId, string type, HttpContext context, OrganisationAccess access, ModelRegulationPublisher publisher,
        IOptions<OfficeApiOptions> options, CancellationToken cancellationToken)
    {
        if (!await RegulationsApi.Commands.ReachesAsync(context, access, organisationId, cancellationToken))
        {
            return OfficeProblems.NotFound("tổ chức");
        }

        var (document, problem, form) = await DocumentUploads.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var parsed = OrganisationFields.Type(type, "type", errors);
        var title = OrganisationFields.Name(form?["title"], "title", errors);
        if (document is null)
        {
            return problem is ValidationProblem validation ? validation : (ProblemHttpResult)problem!;
        }

        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        try
        {
            var model = await publisher.PublishAsync(organisationId, parsed!.Value, title!, document.Content, document.FileName,
                document.Kind.ContentType, await OfficeCaller.ActorOfAsync(context, cancellationToken), cancellationToken);
            return TypedResults.Ok(ModelRegulationResponse.From(model, organisationId));
        }
        catch (ConcurrencyConflictException)
        {
            return OfficeProblems.Conflict("Quy chế mẫu vừa được người khác ban hành; đề nghị thử lại.");
        }
    }
}
