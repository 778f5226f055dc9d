using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// One organisation in the status roll-up as the API returns it: the projection's row with labels in Vietnamese
/// and the pending parties resolved to names where the stores know them. Dates are calendar days; instants are UTC.
/// <c>NextNotice</c> is the regulation's next scheduled notice after the moment of the answer, <c>LastNotice</c> the
/// latest one sent; null when there is none. <c>IsReturned</c>: the upper level returned the filing and the amendment
/// it asked for is not yet filed again.
/// </summary>
public sealed record OrganisationStatusResponse(
    string OrganisationId,
    string? ParentId,
    int Depth,
    string Code,
    string Name,
    OrganisationType Type,
    string TypeLabel,
    string Term,
    string? RegulationId,
    string? RegulationNumber,
    int? DraftVersion,
    RegulationStage? Stage,
    string StageLabel,
    DateOnly? IssuedOn,
    DateTimeOffset? FiledAt,
    DateTimeOffset? AcknowledgedAt,
    DateOnly? LastReviewDate,
    DateOnly? NextReviewDue,
    ComplianceStatus Compliance,
    string ComplianceLabel,
    string? PendingSummary,
    IReadOnlyList<PendingParty> PendingFrom,
    bool IsOverdue,
    bool IsMissing,
    bool IsUpperLevelNotified,
    DateTimeOffset RefreshedAt,
    NoticeResponse? NextNotice,
    NoticeResponse? LastNotice,
    bool IsReturned)
{
    /// <summary>
    /// How alike the current regulation's text is to the previous term's regulation and to the model (a percentage,
    /// or why not: scanned, no reference …), and whether that counts as copied under the upper level's threshold.
    /// </summary>
    public Quality.TextLikeness? Likeness { get; init; }

    /// <summary>
    /// True when the current text is at least the upper level's threshold alike to the previous term's regulation: the
    /// status row's flag (<see cref="OrganisationStatus.IsCopiedFromPreviousTerm"/>), the one the <c>copied</c> filter reads.
    /// </summary>
    public bool IsCopiedFromPreviousTerm { get; init; }

    /// <summary>The current regulation's latest closed consultation round: its figures and whether it was held for form.</summary>
    public Quality.ConsultationSummary? LastConsultation { get; init; }

    /// <summary>
    /// True when <see cref="LastConsultation"/> counts as held for form (<i>hình thức</i>): the status row's flag
    /// (<see cref="OrganisationStatus.IsConsultationFormal"/>), the one the <c>formalConsultation</c> filter reads.
    /// </summary>
    public bool IsConsultationFormal { get; init; }

    /// <summary>The open campaigns (<i>đợt chỉ đạo</i>) covering the organisation, with where it stands in each.</summary>
    public IReadOnlyList<Campaigns.OpenCampaignResponse> OpenCampaigns { get; init; } = [];
}
