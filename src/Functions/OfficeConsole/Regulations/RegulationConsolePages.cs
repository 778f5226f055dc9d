using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>
/// The clerk's pages: the home page (what to do now), a new regulation, a regulation's page with its whole life, the
/// draft upload, the consultation form, the resolution of comments on one screen and the files they offer (drafts,
/// the issued text, the resolution table as DOCX). Every action is a form that works without script: GET shows it,
/// POST (antiforgery checked) runs the same <see cref="RegulationWorkflow"/> command the office API runs and answers
/// 303 to the page showing the result, or 400 with the form filled in again and the Vietnamese message beside its
/// field. A regulation or organisation outside the person's reach is 404, as one that does not exist.
/// </summary>
public static partial class RegulationConsolePages
{
    public static IEndpointRouteBuilder MapRegulationConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        long maxUpload = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OfficeApiOptions>>().Value.MaxUploadBytes;
        var uploadLimit = new RequestSizeLimitAttribute(maxUpload + OfficeApiOptions.MultipartOverheadBytes);
        endpoints.MapGet(ConsolePaths.Home, ShowHome).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.NewRegulationTemplate, ShowNewRegulation).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.NewRegulationTemplate, CreateRegulation).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapGet(ConsolePaths.RegulationTemplate, ShowRegulation).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.RegulationTemplate + "/" + ConsolePaths.DraftUploadStep, UploadDraft)
            .ExcludeFromDescription().DisableAntiforgery().WithMetadata(uploadLimit);
        endpoints.MapGet(ConsolePaths.DraftTemplate, DownloadDraft).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.RegulationTemplate + "/" + ConsolePaths.IssuedDocumentStep, DownloadIssuedDocument).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.RegulationTemplate + "/" + ConsolePaths.ResolutionSheetStep, DownloadResolutionTable).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.RegulationTemplate + "/" + ConsolePaths.ConsultationStep, ShowConsultation).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.RegulationTemplate + "/" + ConsolePaths.ConsultationStep, OpenConsultation).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapGet(ConsolePaths.RegulationTemplate + "/" + ConsolePaths.ResolutionStep, ShowResolution).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.RegulationTemplate + "/" + ConsolePaths.ResolutionStep, ResolveComments).ExcludeFromDescription().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>The signed-in person, or null (then <paramref name="denied"/> sends them to sign in).</summary>
    private static ConsoleUser? SignedIn(HttpContext context, out IResult? denied)
    {
        var user = ConsoleUser.From(context.User);
        denied = user is null ? TypedResults.Redirect(ConsolePaths.SignIn) : null;
        return user;
    }

    /// <summary>Null when the person reaches the organisation; otherwise the answer (sign in, or 404).</summary>
    private static async Task<IResult?> RefuseAsync(HttpContext context, OrganisationAccess access, string organisationId, CancellationToken cancellationToken)
    {
        if (SignedIn(context, out var denied) is null)
        {
            return denied;
        }

        return IdSyntax.IsValidReference(organisationId) && await access.CanReachAsync(context.User, organisationId, cancellationToken)
            ? null
            : NotFound();
    }

    /// <summary>Null when the form's antiforgery token is valid; otherwise the 400 page.</summary>
    private static async Task<IResult?> RefuseForgeryAsync(HttpContext context, IAntiforgery antiforgery) =>
        await antiforgery.IsRequestValidAsync(context)
            ? null
            : MessagePages.Show(StatusCodes.Status400BadRequest, "Biểu mẫu đã hết hiệu lực",
                "Biểu mẫu này đã hết hiệu lực hoặc không gửi từ trang của hệ thống, nên chưa có gì được lưu. Đề nghị đồng chí tải lại trang và gửi lại.",
                tone: MessageTone.Error);

    private static RazorComponentResult<Web.Components.MessagePage> NotFound() =>
        MessagePages.Show(StatusCodes.Status404NotFound, "Không tìm thấy",
            "Tổ chức hoặc quy chế này không tồn tại hoặc không thuộc phạm vi theo dõi của văn phòng đồng chí.", tone: MessageTone.Warning);

    /// <summary>
    /// Runs a workflow command, turning its refusals into what a form shows: a <see cref="DomainException"/> as the
    /// catalogue's sentence (with the field it concerns), a concurrent change or a missing object as a sentence of its own.
    /// </summary>
    private static async Task<(T? Outcome, RefusalText? Refusal)> RunAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return (await command(), null);
        }
        catch (DomainException refusal)
        {
            return (default, RefusalCatalogue.Describe(refusal));
        }
        catch (LifecycleNotFoundException)
        {
            return (default, new RefusalText(null, "Không tìm thấy quy chế, đợt góp ý hoặc ý kiến này; đề nghị tải lại trang."));
        }
        catch (ConcurrencyConflictException)
        {
            return (default, new RefusalText(null, "Quy chế vừa được thay đổi đồng thời; đề nghị tải lại trang rồi thử lại."));
        }
    }

    /// <summary>A page of the console, its header showing the signed-in person.</summary>
    private static RazorComponentResult<TPage> Page<TPage>(HttpContext context, int statusCode, Dictionary<string, object?> parameters)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        parameters["User"] = ConsoleUser.From(context.User);
        return new(parameters) { StatusCode = statusCode };
    }
}
