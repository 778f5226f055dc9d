using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>What every console page of organisations and of the upper level does the same way: who is signed in, which organisation they reach, the answers after a post.</summary>
internal static class ConsolePages
{
    /// <summary>The signed-in person, or null (then answer <see cref="SignIn"/>).</summary>
    public static ConsoleUser? UserOf(HttpContext context) => ConsoleUser.From(context.User);

    /// <summary>To the sign-in page, coming back here afterwards.</summary>
    public static IResult SignIn(HttpContext context) =>
        TypedResults.Redirect($"{ConsolePaths.SignIn}?{ConsoleReturnUrl.Parameter}={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");

    /// <summary>True when the signed-in person may see and act for <paramref name="organisationId"/> (its own subtree; every one for an administrator).</summary>
    public static async Task<bool> ReachesAsync(HttpContext context, OrganisationAccess access, string organisationId, CancellationToken cancellationToken) =>
        IdSyntax.IsValid(organisationId) && await access.CanReachAsync(context.User, organisationId, cancellationToken);

    /// <summary>True for the offices of the upper level and administrators: the API's rule for filings and model regulations.</summary>
    public static bool IsUpperLevel(ConsoleUser user) => user.Role is ApiRole.UpperLevelOffice or ApiRole.Administrator;

    /// <summary>Checks the post's antiforgery token and reads its form.</summary>
    /// <exception cref="BadHttpRequestException">The token is missing or wrong, or the body is not a form (answered 400 by the error pages).</exception>
    public static async Task<IFormCollection> ReadFormAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException exception)
        {
            throw new BadHttpRequestException("The form's antiforgery token is missing or invalid.", StatusCodes.Status400BadRequest, exception);
        }

        return await Office.MultipartForms.TryReadAsync(context.Request, cancellationToken)
            ?? throw new BadHttpRequestException("The body is not a well-formed form.", StatusCodes.Status400BadRequest);
    }

    public static RazorComponentResult<Web.Components.MessagePage> OrganisationNotFound() =>
        MessagePages.Show(StatusCodes.Status404NotFound, "Không tìm thấy tổ chức",
            "Tổ chức này không tồn tại hoặc không thuộc phạm vi của văn phòng đồng chí.", tone: MessageTone.Warning);

    public static RazorComponentResult<Web.Components.MessagePage> NotFound(string what) =>
        MessagePages.Show(StatusCodes.Status404NotFound, "Không tìm thấy " + what,
            $"{char.ToUpperInvariant(what[0])}{what[1..]} này không tồn tại hoặc không thuộc phạm vi của văn phòng đồng chí.", tone: MessageTone.Warning);

    public static RazorComponentResult<Web.Components.MessagePage> UpperLevelOnly() =>
        MessagePages.Show(StatusCodes.Status403Forbidden, "Chỉ dành cho văn phòng cấp trên",
            "Trang này dành cho văn phòng cấp ủy cấp trên và quản trị hệ thống.", tone: MessageTone.Warning);

    /// <summary>The sentence of a refusal, under the form's field it names when the form has it.</summary>
    public static ConsoleForm Refuse(ConsoleForm form, DomainException refusal, IReadOnlyDictionary<string, string>? fieldOf = null)
    {
        var text = RefusalCatalogue.Describe(refusal);
        var field = text.Field is null ? ConsoleForm.FormKey : fieldOf?.GetValueOrDefault(text.Field) ?? text.Field;
        return form.Refuse(form.Has(field) ? field : ConsoleForm.FormKey, text.Message);
    }

    /// <summary>A component page answered with <paramref name="statusCode"/> (400 for a refused form).</summary>
    public static RazorComponentResult<T> Page<T>(Dictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        new(parameters) { StatusCode = statusCode };
}
