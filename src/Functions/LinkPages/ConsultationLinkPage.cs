using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// A consulted party's link: the draft and, once answered, the answer recorded; the form sends agreement or comments.
/// </summary>
internal sealed class ConsultationLinkPage(RegulationWorkflow workflow, ConsultationStore consultations) : ILinkPage
{
    public LinkAction Action => LinkAction.Consultation;

    public bool OutlivesSignedExpiry => false;

    public async Task<LinkOpening> OpenAsync(LinkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claims = request.Claims;
        var round = (await consultations.GetRoundAsync(claims.RegulationId, claims.RoundId, cancellationToken))?.Value;
        if (round is null || !round.Recipients.Contains(claims.RecipientId, StringComparer.Ordinal))
        {
            return LinkOpening.Refused(MessagePages.InvalidLink());
        }

        DraftVersion draft;
        try
        {
            draft = request.Rules.EnsureCurrentConsultationRound(round.Id, round.DraftVersion, LinkHashes.Parse(claims.ContentHash));
        }
        catch (DomainException refusal) when (refusal.Code == RefusalCode.RoundSuperseded)
        {
            return LinkOpening.Refused(MessagePages.SupersededLink());
        }

        var recipient = await workflow.GetConsultationRecipientAsync(claims.RegulationId, round.Id, claims.RecipientId, cancellationToken);
        string name = string.IsNullOrWhiteSpace(recipient?.Name) ? "đồng chí" : recipient.Name;
        return LinkOpening.Open(new OpenedConsultation(workflow, claims, request.Regulation, round, name, draft.ContentHash));
    }

    private sealed class OpenedConsultation(
        RegulationWorkflow workflow, LinkClaims claims, RegulationState regulation, ConsultationRoundState round, string recipientName,
        ContentHash draftHash)
        : OpenedLink(claims, recipientName, draftHash)
    {
        public override IResult Render(LinkPageView view, string? notice)
        {
            ArgumentNullException.ThrowIfNull(view);
            var response = round.Responses.FirstOrDefault(r => r.RecipientId == Claims.RecipientId);
            return new RazorComponentResult<LinkConsultationPage>(new Dictionary<string, object?>
            {
                [nameof(LinkConsultationPage.RegulationTitle)] = regulation.Title,
                [nameof(LinkConsultationPage.DraftVersion)] = round.DraftVersion,
                [nameof(LinkConsultationPage.Deadline)] = VietnamTime.FormatTimeOnDate(round.Deadline),
                [nameof(LinkConsultationPage.DownloadUrl)] = view.DownloadUrl,
                [nameof(LinkConsultationPage.RecipientName)] = RecipientName,
                [nameof(LinkConsultationPage.Recorded)] = response?.Comments.Select(c => (c.ArticleLabel, c.Text)).ToList(),
                [nameof(LinkConsultationPage.Closed)] = round.Status == ConsultationStatus.Closed,
                [nameof(LinkConsultationPage.Notice)] = notice,
                [nameof(LinkConsultationPage.Action)] = view.Action,
                [nameof(LinkConsultationPage.RequestId)] = view.RequestId,
            });
        }

        public override async Task<LinkSubmission> SubmitAsync(IFormCollection form, LinkCommand command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (!ConsultationAnswerForm.TryRead(form, out var answer, out var error))
            {
                return LinkSubmission.Refused(error!);
            }

            await command.RunOnceAsync((actor, c) => workflow.AnswerConsultationAsync(
                Claims.RegulationId, Claims.RoundId, Claims.RecipientId, answer!.Agree, answer.Comments, actor, c), cancellationToken);
            return LinkSubmission.Recorded("Đã ghi nhận ý kiến góp ý của đồng chí.");
        }
    }
}
