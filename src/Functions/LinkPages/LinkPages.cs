using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// Opens personal links: checks the token, finds the regulation, and hands the link to the page of its kind, chosen
/// by an exhaustive switch over <see cref="LinkAction"/> (a new kind does not compile until it has a page).
/// </summary>
internal sealed class LinkPages(
    LinkTokenService tokens, RegulationWorkflow workflow, RegulationStore regulations,
    VoteLinkPage vote, ConsultationLinkPage consultation, FilingLinkPage filing)
{
    /// <summary>The page for <paramref name="action"/>.</summary>
    /// <exception cref="System.Runtime.CompilerServices.SwitchExpressionException">A value that is no <see cref="LinkAction"/>.</exception>
#pragma warning disable CS8524 // Every named kind has its arm (a missing one is error CS8509); a number outside the enum throws.
    public ILinkPage For(LinkAction action) => action switch
    {
        LinkAction.Vote => vote,
        LinkAction.Consultation => consultation,
        LinkAction.FilingAcknowledgement => filing,
    };
#pragma warning restore CS8524

    /// <summary>
    /// Checks <paramref name="token"/> and loads what it points at. Reads only. With <paramref name="submitting"/> (a
    /// form posted to the link), a page showing how a round ended also says, with 409, that what was sent was not recorded.
    /// </summary>
    public async Task<LinkOpening> OpenAsync(string token, bool submitting, CancellationToken cancellationToken = default)
    {
        var validation = tokens.Validate(token);
        if (validation.Claims is not { } claims ||
            validation.Status is not (LinkValidationStatus.Valid or LinkValidationStatus.Expired))
        {
            return LinkOpening.Refused(MessagePages.InvalidLink());
        }

        var page = For(claims.Action);
        bool expired = validation.Status == LinkValidationStatus.Expired;
        if (expired && !page.OutlivesSignedExpiry)
        {
            return LinkOpening.Refused(MessagePages.ExpiredLink());
        }

        if (await workflow.FindOrganisationIdAsync(claims.RegulationId, cancellationToken) is not { } organisationId ||
            await regulations.GetAsync(organisationId, claims.RegulationId, cancellationToken) is not { } regulation)
        {
            return LinkOpening.Refused(MessagePages.InvalidLink());
        }

        return await page.OpenAsync(new LinkRequest(claims, expired, organisationId, regulation.Value, submitting), cancellationToken);
    }
}
