using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>
/// What the lifecycle already knows of one organisation, from which its compliance follows: its type and current
/// term, its latest regulation's stage, issue date and number, how that regulation's draft was started
/// (<see cref="Origin"/>, null when not known) and whether it is an amendment (null when not known), and the date of
/// its last recorded review.
/// </summary>
public sealed record CampaignFacts(
    OrganisationType Type,
    Term Term,
    RegulationStage? Stage = null,
    DateOnly? IssuedOn = null,
    string? RegulationNumber = null,
    DraftOrigin? Origin = null,
    bool? IsAmendment = null,
    DateOnly? LastReviewDate = null);
