using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Status;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

public static partial class RegulationConsolePages
{
    public const string TitleField = "title";
    public const string StartFromField = "startFrom";
    public const string FileField = DocumentUploads.FilePart;

    private const int MaxIdAttempts = 20;

    public static async Task<IResult> ShowRegulation(string organisationId, string regulationId, HttpContext context, StatusReports reports,
        LifecycleStores stores, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (SignedIn(context, out var denied) is null)
        {
            return denied!;
        }

        return await RegulationPageAsync(StatusCodes.Status200OK, organisationId, regulationId, context, reports, stores, timeProvider,
            uploadError: null, notice: NoticeOf(context), cancellationToken);
    }

    public static async Task<IResult> ShowNewRegulation(string organisationId, HttpContext context, OrganisationAccess access, LifecycleStores stores,
        CancellationToken cancellationToken)
    {
        if (await RefuseAsync(context, access, organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var organisation = (await stores.Organisations.GetAsync(organisationId, cancellationToken))!.Value;
        return NewRegulationForm(context, StatusCodes.Status200OK, organisation, DefaultTitle(organisation), "model", new());
    }

    public static async Task<IResult> CreateRegulation(string organisationId, HttpContext context, OrganisationAccess access, IAntiforgery antiforgery,
        LifecycleStores stores, RegulationWorkflow workflow, CancellationToken cancellationToken)
    {
        if ((await RefuseAsync(context, access, organisationId, cancellationToken) ?? await RefuseForgeryAsync(context, antiforgery)) is { } refused)
        {
            return refused;
        }

        var organisation = (await stores.Organisations.GetAsync(organisationId, cancellationToken))!.Value;
        var form = await context.Request.ReadFormAsync(cancellationToken);
        string? titleText = form[TitleField];
        string startFrom = form[StartFromField].ToString();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var title = OrganisationFields.Name(titleText, TitleField, errors);
        DraftOrigin? origin = startFrom switch
        {
            "model" => DraftOrigin.Model,
            "previousTerm" => DraftOrigin.PreviousTerm,
            "blank" => null,
            _ => Invalid(errors),
        };
        if (errors.Count > 0)
        {
            return NewRegulationForm(context, StatusCodes.Status400BadRequest, organisation, titleText, startFrom, Flatten(errors));
        }

        var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
        // The id is made here, from the organisation and the term; a taken one (a second regulation of the term) gets a suffix.
        var (created, refusal) = await RunAsync(async () =>
        {
            for (int attempt = 1; ; attempt++)
            {
                string regulationId = RegulationIdFor(organisation.Id, organisation.CurrentTerm.StartYear, organisation.CurrentTerm.EndYear, attempt);
                try
                {
                    return origin is { } from
                        ? await workflow.CreateRegulationFromAsync(organisationId, regulationId, title!, null, from, actor, cancellationToken)
                        : await workflow.CreateRegulationAsync(organisationId, regulationId, title!, null, actor, cancellationToken);
                }
                catch (DomainException taken) when (taken.Code == RefusalCode.RegulationIdTaken && attempt < MaxIdAttempts)
                {
                    // Try the next suffix.
                }
            }
        });
        if (created is not null)
        {
            return new SeeOther(ConsolePaths.Regulation(organisationId, created.Id) + "?da=tao");
        }

        return NewRegulationForm(context, StatusCodes.Status400BadRequest, organisation, titleText, startFrom,
            new() { [refusal?.Field == TitleField ? TitleField : StartFromField] = refusal?.Message ?? RefusalCatalogue.GeneralRefusal });
    }

    public static async Task<IResult> UploadDraft(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        IAntiforgery antiforgery, StatusReports reports, LifecycleStores stores, RegulationWorkflow workflow, TimeProvider timeProvider,
        IOptions<OfficeApiOptions> options, CancellationToken cancellationToken)
    {
        if ((await RefuseAsync(context, access, organisationId, cancellationToken) ?? await RefuseForgeryAsync(context, antiforgery)) is { } refused)
        {
            return refused;
        }

        var (document, problem, _) = await DocumentUploads.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken);
        string? error = problem is null ? null : ProblemText(problem);
        if (document is not null)
        {
            var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
            var (draft, refusal) = await RunAsync(() => workflow.UploadDraftAsync(organisationId, regulationId, document.Content, document.FileName,
                document.Kind.ContentType, actor, cancellationToken));
            if (draft is not null)
            {
                return new SeeOther(ConsolePaths.Regulation(organisationId, regulationId) + "?da=du-thao#du-thao");
            }

            error = refusal!.Message;
        }

        return await RegulationPageAsync(StatusCodes.Status400BadRequest, organisationId, regulationId, context, reports, stores, timeProvider,
            error, notice: null, cancellationToken);
    }

    public static async Task<IResult> DownloadDraft(string organisationId, string regulationId, int number, HttpContext context, OrganisationAccess access,
        LifecycleStores stores, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(context, access, organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var regulation = IdSyntax.IsValidReference(regulationId) ? await stores.Regulations.GetAsync(organisationId, regulationId, cancellationToken) : null;
        var draft = regulation is null
            ? null
            : new[] { regulation.Value.InitialCycle }.Concat(regulation.Value.Amendments.Select(a => a.Cycle))
                .SelectMany(c => c.Drafts).Where(d => d.Number == number).LastOrDefault();
        return draft is null ? NotFound() : await FileAsync(stores, draft.ContentHash, draft.FileName, cancellationToken);
    }

    public static async Task<IResult> DownloadIssuedDocument(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        LifecycleStores stores, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(context, access, organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var regulation = IdSyntax.IsValidReference(regulationId) ? await stores.Regulations.GetAsync(organisationId, regulationId, cancellationToken) : null;
        return regulation?.Value.CurrentIssuance is { } issuance
            ? await FileAsync(stores, issuance.FinalDocumentHash, null, cancellationToken)
            : NotFound();
    }

    public static async Task<IResult> DownloadResolutionTable(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        LifecycleStores stores, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(context, access, organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        return IdSyntax.IsValidReference(regulationId)
            && await ResolutionTables.BuildAsync(stores, timeProvider, organisationId, regulationId, cancellationToken) is { } table
            ? TypedResults.File(table.Content, ResolutionTableDocument.ContentType, table.FileName)
            : NotFound();
    }

    private static async Task<IResult> FileAsync(LifecycleStores stores, ContentHash hash, string? fileName, CancellationToken cancellationToken) =>
        await stores.Documents.DownloadAsync(hash, cancellationToken) is { } stored
            ? TypedResults.File(stored.Content.ToArray(), stored.ContentType, fileName ?? stored.FileName)
            : NotFound();

    private static async Task<IResult> RegulationPageAsync(int statusCode, string organisationId, string regulationId, HttpContext context,
        StatusReports reports, LifecycleStores stores, TimeProvider timeProvider, string? uploadError, string? notice, CancellationToken cancellationToken)
    {
        if (!IdSyntax.IsValidReference(organisationId) || !IdSyntax.IsValidReference(regulationId)
            || await RegulationPageReader.ReadAsync(context.User, organisationId, regulationId, reports, stores, timeProvider, cancellationToken) is not { } data)
        {
            return NotFound();
        }

        return Page<RegulationPage>(context, statusCode, new()
        {
            [nameof(RegulationPage.Data)] = data,
            [nameof(RegulationPage.UploadError)] = uploadError,
            [nameof(RegulationPage.Notice)] = notice,
        });
    }

    private static string? NoticeOf(HttpContext context) => context.Request.Query["da"].ToString() switch
    {
        "tao" => "Đã tạo hồ sơ quy chế.",
        "du-thao" => "Đã tải lên dự thảo mới.",
        "lay-y-kien" => "Đã bắt đầu lấy ý kiến góp ý; thư mời góp ý đang được gửi đến các nơi được lấy ý kiến.",
        _ => null,
    };

    private static Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<NewRegulationPage> NewRegulationForm(HttpContext context, int statusCode, Domain.Organisations.Organisation organisation, string? title, string startFrom,
        Dictionary<string, string> errors) =>
        Page<NewRegulationPage>(context, statusCode, new()
        {
            [nameof(NewRegulationPage.Organisation)] = organisation,
            [nameof(NewRegulationPage.Title)] = title,
            [nameof(NewRegulationPage.StartFrom)] = startFrom,
            [nameof(NewRegulationPage.Errors)] = errors,
        });

    private static string DefaultTitle(Domain.Organisations.Organisation organisation) =>
        $"Quy chế làm việc của Ban Chấp hành {organisation.Name}, nhiệm kỳ {organisation.CurrentTerm}";

    /// <summary>"taichinh-2025-2030", then "-2", "-3": within the id rule, the organisation's id shortened when needed.</summary>
    internal static string RegulationIdFor(string organisationId, int startYear, int endYear, int attempt)
    {
        string suffix = FormattableString.Invariant($"-{startYear}-{endYear}") + (attempt > 1 ? FormattableString.Invariant($"-{attempt}") : "");
        string stem = new([.. organisationId.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')]);
        if (stem.Length == 0)
        {
            stem = "quy-che";
        }

        return (stem.Length + suffix.Length > IdSyntax.MaxLength ? stem[..(IdSyntax.MaxLength - suffix.Length)] : stem) + suffix;
    }


    private static DraftOrigin? Invalid(Dictionary<string, string[]> errors)
    {
        errors[StartFromField] = ["Đề nghị chọn nguồn của dự thảo đầu tiên."];
        return null;
    }

    private static Dictionary<string, string> Flatten(Dictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value), StringComparer.Ordinal);

    /// <summary>The sentence of the API's refusal of an upload (the same checks), for the form.</summary>
    private static string ProblemText(IResult problem) => problem switch
    {
        Microsoft.AspNetCore.Http.HttpResults.ValidationProblem validation => string.Join(" ", validation.ProblemDetails.Errors.SelectMany(e => e.Value)),
        Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult result => result.ProblemDetails.Detail ?? result.ProblemDetails.Title ?? RefusalCatalogue.GeneralRefusal,
        _ => RefusalCatalogue.GeneralRefusal,
    };
}
