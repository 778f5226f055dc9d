using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

public static partial class RegulationConsolePages
{
    public const string CommentFieldPrefix = "comment-";
    public const string OutcomeFieldPrefix = "outcome-";
    public const string ExplanationFieldPrefix = "explanation-";

    public static async Task<IResult> ShowResolution(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        LifecycleStores stores, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(context, access, organisationId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await ResolutionContextAsync(organisationId, regulationId, stores, cancellationToken) is not { } read)
        {
            return NotFound();
        }

        var resolutions = read.Sheet?.Resolutions.ToDictionary(r => r.CommentId, StringComparer.Ordinal) ?? [];
        List<ResolutionRow> rows = [.. (read.Sheet?.Comments ?? []).Select(c => resolutions.TryGetValue(c.CommentId, out var r)
            ? new ResolutionRow(c, read.Names(c.RecipientId), r.Outcome.ToString(), r.Explanation, true, null)
            : new ResolutionRow(c, read.Names(c.RecipientId), "", "", false, null))];
        string? notice = int.TryParse(context.Request.Query["luu"], NumberStyles.None, CultureInfo.InvariantCulture, out int saved)
            ? $"Đã lưu tiếp thu, giải trình của {saved} ý kiến."
            : null;
        return ResolutionPageResult(context, StatusCodes.Status200OK, organisationId, read.Regulation, read.Sheet, rows, notice, null);
    }

    public static async Task<IResult> ResolveComments(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        IAntiforgery antiforgery, LifecycleStores stores, RegulationWorkflow workflow, CancellationToken cancellationToken)
    {
        if ((await RefuseAsync(context, access, organisationId, cancellationToken) ?? await RefuseForgeryAsync(context, antiforgery)) is { } refused)
        {
            return refused;
        }

        if (await ResolutionContextAsync(organisationId, regulationId, stores, cancellationToken) is not { Sheet: { } sheet } read)
        {
            return NotFound();
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var posted = new Dictionary<string, (string Outcome, string Explanation)>(StringComparer.Ordinal);
        foreach (var key in form.Keys.Where(k => k.StartsWith(CommentFieldPrefix, StringComparison.Ordinal)))
        {
            string index = key[CommentFieldPrefix.Length..];
            posted[form[key].ToString()] = (form[OutcomeFieldPrefix + index].ToString(), form[ExplanationFieldPrefix + index].ToString());
        }

        var stored = sheet.Resolutions.ToDictionary(r => r.CommentId, StringComparer.Ordinal);
        var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
        List<ResolutionRow> rows = [];
        int savedCount = 0;
        bool refusedAny = false;
        // Each comment is its own command, as through the API: one refused leaves the others saved.
        foreach (var comment in sheet.Comments)
        {
            stored.TryGetValue(comment.CommentId, out var existing);
            var (outcomeText, explanationText) = posted.GetValueOrDefault(comment.CommentId, (existing?.Outcome.ToString() ?? "", existing?.Explanation ?? ""));
            string name = read.Names(comment.RecipientId);
            bool filled = outcomeText.Length > 0 || !string.IsNullOrWhiteSpace(explanationText);
            string? error = null;
            ResolutionOutcome? outcome = Enum.TryParse<ResolutionOutcome>(outcomeText, out var parsed) && Enum.IsDefined(parsed) && outcomeText == parsed.ToString()
                ? parsed : null;
            var explanation = TextInput.Paragraphs(explanationText, RegulationsApi.MaxFreeTextLength);
            bool changed = existing is null ? filled : existing.Outcome != outcome || existing.Explanation != explanation.Text;
            if (changed && filled)
            {
                if (outcome is null)
                {
                    error = "Đề nghị chọn tiếp thu, tiếp thu một phần hoặc không tiếp thu.";
                }
                else if (explanation.Error is not null)
                {
                    error = explanation.Error;
                }
                else if (explanation.Text is null)
                {
                    error = "Cần nội dung giải trình.";
                }
                else
                {
                    var (_, refusal) = await RunAsync(() => workflow.ResolveCommentAsync(organisationId, regulationId, comment.CommentId, outcome.Value,
                        explanation.Text, actor, cancellationToken));
                    if (refusal is null)
                    {
                        savedCount++;
                        rows.Add(new ResolutionRow(comment, name, outcomeText, explanation.Text, true, null));
                        continue;
                    }

                    error = refusal.Message;
                }
            }
            else if (changed && existing is not null)
            {
                error = "Ý kiến đã tiếp thu, giải trình không thể để trống; đề nghị chọn lại và ghi nội dung giải trình.";
            }

            refusedAny |= error is not null;
            rows.Add(new ResolutionRow(comment, name, outcomeText, explanationText, existing is not null, error));
        }

        if (!refusedAny)
        {
            return new SeeOther(ConsolePaths.Regulation(organisationId, regulationId, ConsolePaths.ResolutionStep)
                + "?luu=" + savedCount.ToString(CultureInfo.InvariantCulture));
        }

        string saved = savedCount == 0
            ? "Chưa lưu ý kiến nào của lần gửi này."
            : $"Đã lưu tiếp thu, giải trình của {savedCount} ý kiến; những ý kiến đó vẫn được giữ nguyên.";
        return ResolutionPageResult(context, StatusCodes.Status400BadRequest, organisationId, read.Regulation, sheet, rows, null,
            saved + " Các ý kiến có thông báo bên dưới chưa được lưu; đề nghị sửa rồi gửi lại.");
    }

    private static async Task<(Regulation Regulation, ResolutionSheetState? Sheet, Func<string, string> Names)?> ResolutionContextAsync(
        string organisationId, string regulationId, LifecycleStores stores, CancellationToken cancellationToken)
    {
        if (!IdSyntax.IsValidReference(regulationId) || await stores.Regulations.GetAsync(organisationId, regulationId, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var regulation = Regulation.FromState(loaded.Value);
        if (regulation.ActiveCycle?.CurrentConsultationRoundId is not { } roundId)
        {
            return (regulation, null, id => id);
        }

        var sheet = stores.Consultations.GetSheetAsync(regulationId, roundId, cancellationToken);
        var recipients = stores.Recipients.ListAsync(regulationId, roundId, cancellationToken);
        await Task.WhenAll(sheet, recipients);
        var names = (await recipients).ToDictionary(r => r.RecipientId, r => r.Name, StringComparer.Ordinal);
        return (regulation, (await sheet)?.Value, id => names.GetValueOrDefault(id) is { Length: > 0 } name ? name : id);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<ResolutionPage> ResolutionPageResult(HttpContext context, int statusCode, string organisationId, Regulation regulation, ResolutionSheetState? sheet,
        IReadOnlyList<ResolutionRow> rows, string? notice, string? problem) =>
        Page<ResolutionPage>(context, statusCode, new()
        {
            [nameof(ResolutionPage.OrganisationId)] = organisationId,
            [nameof(ResolutionPage.Regulation)] = regulation,
            [nameof(ResolutionPage.IsOpen)] = sheet is not null && regulation.ActiveCycle?.Stage == DraftingStage.Resolving,
            [nameof(ResolutionPage.Rows)] = rows,
            [nameof(ResolutionPage.Notice)] = notice,
            [nameof(ResolutionPage.Problem)] = problem,
        });
}
