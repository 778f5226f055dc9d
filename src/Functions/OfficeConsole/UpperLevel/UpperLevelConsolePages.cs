using System.Globalization;
using Microsoft.Extensions.Options;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.LinkPages;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.OfficeConsole.Organisations;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.OfficeConsole.UpperLevel;

/// <summary>
/// The upper level's pages: the filings inbox (<see cref="ConsolePaths.FilingsInbox"/>), where a filed regulation is
/// acknowledged or returned with requested changes (<see cref="RegulationWorkflow.AcknowledgeFilingAsync"/>,
/// <see cref="RegulationWorkflow.ReturnFilingAsync"/>, as the upper level's e-mailed link does), and the model
/// regulations (<see cref="ConsolePaths.ModelRegulations"/>) the person's organisation publishes per organisation
/// type (<see cref="ModelRegulationPublisher"/>, as the API does). Both are for upper-level offices and
/// administrators, over the filings and organisations of their subtree.
/// </summary>
public static class UpperLevelConsolePages
{
    public const string TitleField = "title";
    public const string TypeField = "type";
    public const string FileField = "file";

    public static IEndpointRouteBuilder MapUpperLevelConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.FilingsInbox, ShowInbox).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.FilingTemplate, RespondToFiling).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.FilingDocumentTemplate, DownloadFilingDocument).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.ModelRegulations, ShowModelRegulations).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.ModelRegulations, PublishModelRegulation).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.ModelRegulationFileTemplate, DownloadModelRegulation).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ShowInbox(HttpContext context, OrganisationAccess access, OrganisationStore organisations,
        StatusProjection status, RegulationStore regulations, FilingStore filings, AccountStore accounts, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is not { } user)
        {
            return ConsolePages.SignIn(context);
        }

        if (!ConsolePages.IsUpperLevel(user))
        {
            return ConsolePages.UpperLevelOnly();
        }

        var notice = context.Request.Query[OrganisationConsolePages.NoticeParameter].ToString() switch
        {
            "tiep-nhan" => "Đã xác nhận tiếp nhận quy chế; tổ chức gửi được báo qua e-mail và quy chế bắt đầu chu kỳ rà soát.",
            "tra-lai" => "Đã trả lại quy chế kèm lý do, yêu cầu sửa đổi, bổ sung; tổ chức gửi được báo qua e-mail.",
            _ => null,
        };
        return await RenderInboxAsync(context, new FilingInbox(access, organisations, status, regulations, filings, accounts), notice, null, null,
            StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>Acknowledges the filing, or returns it with the reasons given one per line.</summary>
    public static async Task<IResult> RespondToFiling(string regulationId, string filingId, HttpContext context, OrganisationAccess access,
        OrganisationStore organisations, StatusProjection status, RegulationStore regulations, FilingStore filings, AccountStore accounts, RegulationWorkflow workflow,
        CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is not { } user)
        {
            return ConsolePages.SignIn(context);
        }

        var posted = await ConsolePages.ReadFormAsync(context, cancellationToken);
        if (!ConsolePages.IsUpperLevel(user))
        {
            return ConsolePages.UpperLevelOnly();
        }

        if (await LoadFilingAsync(regulationId, filingId, context, access, filings, cancellationToken) is null)
        {
            return ConsolePages.NotFound("hồ sơ gửi cấp trên");
        }

        var form = ConsoleForm.Posted(posted, FilingResponseForm.DecisionField, FilingResponseForm.ReasonsField);
        if (!FilingResponseForm.TryRead(posted, out var response, out var error))
        {
            form.Refuse(error!.Malformed ? FilingResponseForm.ReasonsField : ConsoleForm.FormKey, error.Details);
        }
        else
        {
            try
            {
                var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
                if (response!.Acknowledge)
                {
                    await workflow.AcknowledgeFilingAsync(regulationId, filingId, actor, cancellationToken);
                }
                else
                {
                    await workflow.ReturnFilingAsync(regulationId, filingId, response.Reasons, actor, cancellationToken);
                }

                return new SeeOther($"{ConsolePaths.FilingsInbox}?{OrganisationConsolePages.NoticeParameter}={(response.Acknowledge ? "tiep-nhan" : "tra-lai")}");
            }
            catch (LifecycleNotFoundException)
            {
                return ConsolePages.NotFound("hồ sơ gửi cấp trên");
            }
            catch (DomainException refusal)
            {
                ConsolePages.Refuse(form, refusal);
            }
            catch (ConcurrencyConflictException)
            {
                form.Refuse(ConsoleForm.FormKey, "Hồ sơ vừa được thay đổi đồng thời; đề nghị xem lại rồi thử lại.");
            }
        }

        return await RenderInboxAsync(context, new FilingInbox(access, organisations, status, regulations, filings, accounts), null,
            regulationId + "/" + filingId, form, StatusCodes.Status400BadRequest, cancellationToken);
    }

    /// <summary>The issued text a filing sent, for the upper level to read before answering.</summary>
    public static async Task<IResult> DownloadFilingDocument(string regulationId, string filingId, HttpContext context, OrganisationAccess access,
        FilingStore filings, RegulationIndex index, RegulationStore regulations, DocumentStore documents, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is not { } user)
        {
            return ConsolePages.SignIn(context);
        }

        if (!ConsolePages.IsUpperLevel(user))
        {
            return ConsolePages.UpperLevelOnly();
        }

        var filing = await LoadFilingAsync(regulationId, filingId, context, access, filings, cancellationToken);
        var organisationId = filing is null ? null : await index.FindAsync(regulationId, cancellationToken);
        var regulation = organisationId is null ? null : await regulations.GetAsync(organisationId, regulationId, cancellationToken);
        var issuance = regulation is null ? null : FilingInbox.IssuanceOf(regulation.Value, filing!);
        var document = issuance is null ? null : await documents.DownloadAsync(issuance.FinalDocumentHash, cancellationToken);
        return document is null
            ? ConsolePages.NotFound("văn bản")
            : TypedResults.File(document.Content.ToArray(), document.ContentType, document.FileName);
    }

    public static async Task<IResult> ShowModelRegulations(HttpContext context, OrganisationAccess access, OrganisationStore organisations,
        ModelRegulationStore models, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is not { } user)
        {
            return ConsolePages.SignIn(context);
        }

        if (!ConsolePages.IsUpperLevel(user))
        {
            return ConsolePages.UpperLevelOnly();
        }

        var notice = context.Request.Query[OrganisationConsolePages.NoticeParameter] == "ban-hanh"
            ? "Đã ban hành quy chế mẫu; các tổ chức thuộc loại hình này trong phạm vi của văn phòng đồng chí bắt đầu quy chế mới từ mẫu này."
            : null;
        var page = await ModelPageAsync(context, user, access, organisations, models, EmptyPublishForm(), notice, StatusCodes.Status200OK, cancellationToken);
        return page ?? ConsolePages.OrganisationNotFound();
    }

    /// <summary>Multipart: <see cref="TypeField"/>, <see cref="TitleField"/>, <see cref="FileField"/> (DOCX or PDF). Publishes on the person's own organisation.</summary>
    public static async Task<IResult> PublishModelRegulation(HttpContext context, OrganisationAccess access, OrganisationStore organisations,
        ModelRegulationStore models, ModelRegulationPublisher publisher, IOptions<OfficeApiOptions> options, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is not { } user)
        {
            return ConsolePages.SignIn(context);
        }

        await ConsolePages.ReadFormAsync(context, cancellationToken);
        if (!ConsolePages.IsUpperLevel(user))
        {
            return ConsolePages.UpperLevelOnly();
        }

        if (!await ConsolePages.ReachesAsync(context, access, user.OrganisationId, cancellationToken))
        {
            return ConsolePages.OrganisationNotFound();
        }

        var (document, problem, posted) = await DocumentUploads.ReadAsync(context.Request, options.Value.MaxUploadBytes, cancellationToken);
        var form = ConsoleForm.Posted(posted ?? new FormCollection(null), TypeField, TitleField, FileField);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var type = OrganisationFields.Type(form.Value(TypeField), TypeField, errors);
        var title = OrganisationFields.Name(form.Value(TitleField), TitleField, errors);
        if (errors.ContainsKey(TypeField))
        {
            errors[TypeField] = ["Đề nghị chọn loại hình tổ chức."];
        }

        form.Refuse(errors);
        if (document is null)
        {
            form.Refuse(FileField, ProblemText(problem));
        }

        if (!form.HasErrors)
        {
            try
            {
                await publisher.PublishAsync(user.OrganisationId, type!.Value, title!, document!.Content, document.FileName, document.Kind.ContentType,
                    await OfficeCaller.ActorOfAsync(context, cancellationToken), cancellationToken);
                return new SeeOther($"{ConsolePaths.ModelRegulations}?{OrganisationConsolePages.NoticeParameter}=ban-hanh");
            }
            catch (ConcurrencyConflictException)
            {
                form.Refuse(ConsoleForm.FormKey, "Quy chế mẫu vừa được người khác ban hành; đề nghị thử lại.");
            }
        }

        var page = await ModelPageAsync(context, user, access, organisations, models, form, null, StatusCodes.Status400BadRequest, cancellationToken);
        return page ?? ConsolePages.OrganisationNotFound();
    }

    /// <summary>One publication's file, current or earlier, of the person's own organisation.</summary>
    public static async Task<IResult> DownloadModelRegulation(string type, int version, HttpContext context, OrganisationAccess access,
        ModelRegulationStore models, DocumentStore documents, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is not { } user)
        {
            return ConsolePages.SignIn(context);
        }

        if (!ConsolePages.IsUpperLevel(user))
        {
            return ConsolePages.UpperLevelOnly();
        }

        if (!Enum.TryParse<OrganisationType>(type, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed)
            || !await ConsolePages.ReachesAsync(context, access, user.OrganisationId, cancellationToken))
        {
            return ConsolePages.NotFound("quy chế mẫu");
        }

        var model = (await models.ListHistoryAsync(user.OrganisationId, parsed, cancellationToken)).FirstOrDefault(m => m.Version == version);
        var document = model is null ? null : await documents.DownloadAsync(model.ContentHash, cancellationToken);
        return document is null
            ? ConsolePages.NotFound("quy chế mẫu")
            : TypedResults.File(document.Content.ToArray(), document.ContentType, document.FileName);
    }

    private static async Task<FilingState?> LoadFilingAsync(string regulationId, string filingId, HttpContext context, OrganisationAccess access,
        FilingStore filings, CancellationToken cancellationToken)
    {
        if (!Web.IdSyntax.IsValidReference(regulationId) || !Web.IdSyntax.IsValidReference(filingId))
        {
            return null;
        }

        var filing = (await filings.GetAsync(regulationId, filingId, cancellationToken))?.Value;
        return filing is not null && await ConsolePages.ReachesAsync(context, access, filing.UpperLevelOrganisationId, cancellationToken)
            ? filing
            : null;
    }

    private static async Task<IResult> RenderInboxAsync(HttpContext context, FilingInbox inbox, string? notice, string? refusedKey, ConsoleForm? refused,
        int statusCode, CancellationToken cancellationToken)
    {
        if (await inbox.ReadAsync(context.User, cancellationToken) is not { } read)
        {
            return ConsolePages.OrganisationNotFound();
        }

        return ConsolePages.Page<FilingsInboxPage>(new()
        {
            [nameof(FilingsInboxPage.Pending)] = read.Pending,
            [nameof(FilingsInboxPage.Answered)] = read.Answered,
            [nameof(FilingsInboxPage.Notice)] = notice,
            [nameof(FilingsInboxPage.RefusedKey)] = refusedKey,
            [nameof(FilingsInboxPage.Refused)] = refused ?? ConsoleForm.Of(),
        }, statusCode);
    }

    private static async Task<IResult?> ModelPageAsync(HttpContext context, ConsoleUser user, OrganisationAccess access, OrganisationStore organisations,
        ModelRegulationStore models, ConsoleForm form, string? notice, int statusCode, CancellationToken cancellationToken)
    {
        if (!await ConsolePages.ReachesAsync(context, access, user.OrganisationId, cancellationToken)
            || await organisations.GetAsync(user.OrganisationId, cancellationToken) is not { } organisation)
        {
            return null;
        }

        var current = await models.ListCurrentAsync(user.OrganisationId, cancellationToken);
        Dictionary<OrganisationType, IReadOnlyList<ModelRegulation>> history = [];
        foreach (var model in current)
        {
            history[model.Type] = await models.ListHistoryAsync(user.OrganisationId, model.Type, cancellationToken);
        }

        // The models of the levels above, which apply to the types this organisation has not published itself.
        var inherited = (await models.ListInEffectAsync(user.OrganisationId, cancellationToken))
            .Where(m => m.PublisherOrganisationId != user.OrganisationId)
            .ToList();
        return ConsolePages.Page<ModelRegulationsPage>(new()
        {
            [nameof(ModelRegulationsPage.OrganisationName)] = organisation.Value.Name,
            [nameof(ModelRegulationsPage.Current)] = current,
            [nameof(ModelRegulationsPage.History)] = history,
            [nameof(ModelRegulationsPage.Inherited)] = inherited,
            [nameof(ModelRegulationsPage.Form)] = form,
            [nameof(ModelRegulationsPage.Notice)] = notice,
        }, statusCode);
    }

    private static ConsoleForm EmptyPublishForm() => ConsoleForm.Of(new Dictionary<string, string?>
    {
        [TypeField] = null,
        [TitleField] = null,
        [FileField] = null,
    });

    /// <summary>The Vietnamese sentence of an upload the document rules refused (the same as the API answers).</summary>
    private static string ProblemText(IResult? problem) => problem switch
    {
        Microsoft.AspNetCore.Http.HttpResults.ValidationProblem validation =>
            string.Join(" ", validation.ProblemDetails.Errors.SelectMany(e => e.Value)) is { Length: > 0 } text && !text.Contains("'file'", StringComparison.Ordinal)
                ? text
                : "Đề nghị chọn tệp quy chế mẫu (DOCX hoặc PDF).",
        Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult refused => refused.ProblemDetails.Detail ?? "Tệp không được chấp nhận.",
        _ => "Đề nghị chọn tệp quy chế mẫu (DOCX hoặc PDF).",
    };
}
