using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// The pages behind personal links (<see cref="LinkBuilder.RouteTemplate"/>), one per kind of link
/// (<see cref="LinkPages.For"/>): GET shows what the link is for and never changes anything (mail scanners prefetch
/// links); POST, protected by antiforgery and a hidden request id applied once, records the answer through
/// <see cref="RegulationWorkflow"/>. A link that is malformed, forged, expired, for another round or for a replaced
/// draft records nothing.
/// </summary>
public static class LinkPageEndpoints
{
    public const string RequestIdField = "requestId";
    public const string DownloadSuffix = "/du-thao";

    public static IEndpointRouteBuilder MapLinkPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Pages for people behind personal links, not part of the office API's description.
        app.MapGet(LinkBuilder.RouteTemplate, ShowAsync).ExcludeFromDescription();
        app.MapPost(LinkBuilder.RouteTemplate, SubmitAsync).ExcludeFromDescription();
        app.MapGet(LinkBuilder.RouteTemplate + DownloadSuffix, DownloadAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext context, [FromServices] LinkPages pages, CancellationToken cancellationToken)
    {
        var opening = await pages.OpenAsync(token, submitting: false, cancellationToken);
        return opening.Refusal ?? opening.Link!.Render(LinkPageView.For(context), notice: null);
    }

    private static async Task<IResult> DownloadAsync(string token, [FromServices] LinkPages pages, [FromServices] DocumentStore documents,
        CancellationToken cancellationToken)
    {
        var opening = await pages.OpenAsync(token, submitting: false, cancellationToken);
        if (opening.Refusal is { } refusal)
        {
            return refusal;
        }

        var document = await documents.DownloadAsync(opening.Link!.DocumentHash, cancellationToken);
        return document is null
            ? MessagePages.NotFound()
            : Results.File(document.Content.ToArray(), document.ContentType, document.FileName);
    }

    private static async Task<IResult> SubmitAsync(string token, [FromForm] IFormCollection form, HttpContext context,
        [FromServices] LinkPages pages, [FromServices] RequestLog requests,
        [FromServices] RegulationWorkflow workflow, CancellationToken cancellationToken)
    {
        var opening = await pages.OpenAsync(token, submitting: true, cancellationToken);
        if (opening.Refusal is { } refusal)
        {
            return refusal;
        }

        string requestId = form[RequestIdField].ToString();
        if (!IsRequestId(requestId))
        {
            return MessagePages.InvalidLink();
        }

        var link = opening.Link!;
        var claims = link.Claims;
        LinkCommand command = new(requests, workflow, claims.RegulationId, requestId,
            "link." + claims.Action + "." + claims.RegulationId + "." + claims.RoundId + "." + claims.RecipientId,
            new Actor(claims.RecipientId, link.RecipientName, "link " + context.Connection.RemoteIpAddress));
        LinkSubmission submission;
        try
        {
            submission = await link.SubmitAsync(form, command, cancellationToken);
        }
        catch (DomainException exception)
        {
            return Refused(context, exception);
        }
        catch (RequestInProgressException)
        {
            return MessagePages.Show(
                StatusCodes.Status409Conflict,
                "Đang xử lý",
                "Nội dung đồng chí gửi đang được ghi nhận. Đề nghị đồng chí mở lại liên kết sau ít giây để xem kết quả.",
                tone: MessageTone.Info);
        }

        if (submission.FormError is { } error)
        {
            return FormRefused(context, error);
        }

        if (submission.Now is { } now)
        {
            return now.Render(LinkPageView.For(context), submission.Notice);
        }

        var reopened = await pages.OpenAsync(token, submitting: false, cancellationToken);
        return reopened.Refusal ?? reopened.Link!.Render(LinkPageView.For(context), submission.Notice);
    }

    private static bool IsRequestId(string value) =>
        value.Length is >= 16 and <= 64 && value.All(char.IsAsciiLetterOrDigit);

    /// <summary>
    /// A refusal of the rules: about what was filled in (the catalogue names a field) → 422 with the way back to the
    /// form; about the state of the round → 409, what was recorded before stays.
    /// </summary>
    private static RazorComponentResult<Web.Components.MessagePage> Refused(HttpContext context, DomainException refusal)
    {
        if (RefusalCatalogue.Describe(refusal) is { Field: not null } text)
        {
            return FormRefused(context, LinkFormError.Incomplete(text.Message));
        }

        return MessagePages.Show(
            StatusCodes.Status409Conflict,
            "Không ghi nhận được",
            "Nội dung vừa gửi không được ghi nhận; nội dung đã ghi nhận trước đó vẫn giữ nguyên.",
            refusal is InvalidTransitionException ? "Đợt biểu quyết (góp ý, tiếp nhận) này đã kết thúc." : RefusalCatalogue.Describe(refusal).Message,
            MessageTone.Warning);
    }

    /// <summary>
    /// 400 for a field the page itself would not have sent, 422 for a form incomplete or contradicting itself; nothing is
    /// cut or kept, and the way back leads to the form.
    /// </summary>
    private static RazorComponentResult<Web.Components.MessagePage> FormRefused(HttpContext context, LinkFormError error) =>
        MessagePages.Show(
            error.Malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity,
            "Chưa gửi được",
            error.Malformed
                ? "Nội dung gửi không hợp lệ, nên chưa có nội dung nào được ghi nhận. Đề nghị đồng chí quay lại, sửa và gửi lại."
                : "Biểu mẫu còn thiếu hoặc chưa đúng, nên chưa có nội dung nào được ghi nhận. Đề nghị đồng chí quay lại, sửa và gửi lại.",
            error.Details,
            MessageTone.Warning,
            backHref: context.Request.Path);
}
