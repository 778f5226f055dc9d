using QuyCheWorkflow.Domain.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// The upper level's link to a filed (issued) regulation: the issued text and, once answered, the answer; the forms
/// acknowledge it or return it with reasons.
/// </summary>
internal sealed class FilingLinkPage(RegulationWorkflow workflow, FilingStore filings, OrganisationStore organisations) : ILinkPage
{
    public LinkAction Action => LinkAction.FilingAcknowledgement;

    public bool OutlivesSignedExpiry => false;

    public async Task<LinkOpening> OpenAsync(LinkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claims = request.Claims;
        var filing = (await filings.GetAsync(claims.RegulationId, claims.RoundId, cancellationToken))?.Value;
        if (filing is null || filing.UpperLevelOrganisationId != claims.RecipientId)
        {
            return LinkOpening.Refused(MessagePages.InvalidLink());
        }

        Issuance issuance;
        try
        {
            issuance = request.Rules.EnsureCurrentFiling(filing.Id, LinkHashes.Parse(claims.ContentHash));
        }
        catch (DomainException refusal) when (refusal.Code == RefusalCode.RoundSuperseded)
        {
            return LinkOpening.Refused(MessagePages.SupersededLink());
        }

        string upperLevelName = (await organisations.GetAsync(filing.UpperLevelOrganisationId, cancellationToken))?.Value.Name ?? "cấp ủy cấp trên";
        string organisationName = (await organisations.GetAsync(request.OrganisationId, cancellationToken))?.Value.Name ?? "";
        return LinkOpening.Open(new OpenedFiling(workflow, claims, request.Regulation, filing, issuance, upperLevelName, organisationName));
    }

    private sealed class OpenedFiling(
        RegulationWorkflow workflow, LinkClaims claims, RegulationState regulation, FilingState filing, Issuance issuance,
        string upperLevelName, string organisationName)
        : OpenedLink(claims, upperLevelName, issuance.FinalDocumentHash)
    {
        public override IResult Render(LinkPageView view, string? notice)
        {
            ArgumentNullException.ThrowIfNull(view);
            return new RazorComponentResult<LinkFilingPage>(new Dictionary<string, object?>
            {
                [nameof(LinkFilingPage.RegulationTitle)] = regulation.Title,
                [nameof(LinkFilingPage.OrganisationName)] = organisationName,
                [nameof(LinkFilingPage.Symbol)] = issuance.Number.Symbol,
                [nameof(LinkFilingPage.IssueDate)] = VietnamTime.FormatDate(issuance.IssueDate),
                [nameof(LinkFilingPage.SignerText)] = issuance.Signer.ToString(),
                [nameof(LinkFilingPage.DownloadUrl)] = view.DownloadUrl,
                [nameof(LinkFilingPage.Status)] = filing.Status switch
                {
                    FilingStatus.Acknowledged => "Đã xác nhận tiếp nhận" + RespondedAt(filing),
                    FilingStatus.Returned => "Đã trả lại để sửa đổi, bổ sung" + RespondedAt(filing),
                    _ => null,
                },
                [nameof(LinkFilingPage.Reasons)] = filing.ReturnReasons,
                [nameof(LinkFilingPage.Notice)] = notice,
                [nameof(LinkFilingPage.Action)] = view.Action,
                [nameof(LinkFilingPage.RequestId)] = view.RequestId,
            });
        }

        public override async Task<LinkSubmission> SubmitAsync(IFormCollection form, LinkCommand command, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (!FilingResponseForm.TryRead(form, out var response, out var error))
            {
                return LinkSubmission.Refused(error!);
            }

            if (response!.Acknowledge)
            {
                await command.RunOnceAsync((actor, c) => workflow.AcknowledgeFilingAsync(Claims.RegulationId, Claims.RoundId, actor, c), cancellationToken);
                return LinkSubmission.Recorded("Đã xác nhận tiếp nhận quy chế.");
            }

            await command.RunOnceAsync((actor, c) => workflow.ReturnFilingAsync(Claims.RegulationId, Claims.RoundId, response.Reasons, actor, c), cancellationToken);
            return LinkSubmission.Recorded("Đã trả lại quy chế để sửa đổi, bổ sung, kèm lý do, yêu cầu.");
        }

        private static string RespondedAt(FilingState filing) =>
            filing.RespondedAt is { } at ? " lúc " + VietnamTime.FormatTimeOnDate(at) + "." : ".";
    }
}
