using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Links;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>A verified personal link with the regulation it is about.</summary>
/// <param name="Claims">What the link's signature vouches for.</param>
/// <param name="SignedExpiryPassed">The expiry signed into the link has passed (only for a page that outlives it).</param>
/// <param name="OrganisationId">The organisation whose regulation it is.</param>
/// <param name="Regulation">The regulation as stored.</param>
/// <param name="Submitting">A form was posted to the link: a page showing how a round ended also says, with 409, that it was not recorded.</param>
internal sealed record LinkRequest(LinkClaims Claims, bool SignedExpiryPassed, string OrganisationId, RegulationState Regulation, bool Submitting)
{
    /// <summary>The regulation's rules, over <see cref="Regulation"/>.</summary>
    public Regulation Rules { get; } = Domain.Regulations.Regulation.FromState(Regulation);
}
