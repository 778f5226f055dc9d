using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Quality;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// One organisation covered by a campaign, with its compliance as of the roll-up's instant, and the copy and quality
/// figures of its status row: how alike its current text is to the previous term's regulation (<see cref="Likeness"/>)
/// and its latest closed consultation (<see cref="LastConsultation"/>).
/// </summary>
public sealed record CampaignMember(
    string OrganisationId,
    string Path,
    string Code,
    string Name,
    OrganisationType Type,
    string? RegulationId,
    CampaignCompliance Compliance)
{
    /// <summary>How alike the current regulation's text is to the previous term's and to the model; null without a text.</summary>
    public TextLikeness? Likeness { get; init; }

    /// <summary>The current regulation's latest closed consultation round with its formal flag; null when there is none.</summary>
    public ConsultationSummary? LastConsultation { get; init; }

    /// <summary>True when the current text is at least the upper level's threshold alike to the previous term's regulation.</summary>
    public bool IsCopiedFromPreviousTerm => Likeness?.IsCopiedFromPreviousTerm ?? false;

    /// <summary>True when <see cref="LastConsultation"/> counts as held for form (<i>hình thức</i>).</summary>
    public bool IsConsultationFormal => LastConsultation?.IsFormal ?? false;
}
