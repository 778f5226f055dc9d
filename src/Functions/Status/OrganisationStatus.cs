using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// One organisation's row of the status view, as kept by <see cref="StatusProjection"/>. <c>Path</c> is the ids
/// from the root ("root|bloc|base"); <c>StageLabel</c> the Vietnamese label of <c>Stage</c> ("Chưa có quy chế"
/// when there is none); <c>PendingSummary</c> what the process waits for (e.g. "chờ 2/7 phiếu biểu quyết") and
/// <c>PendingIds</c> for whom (member ids, recipient ids, the upper level's id), with <c>PendingNames</c> their
/// names where the refresh had them at hand (committee members of a vote; empty otherwise, and in rows written
/// before the column existed); <c>IsUpperLevelNotified</c> is
/// true once an overdue review is past the grace period of <see cref="Domain.Reviews.OverdueEscalationPolicy"/>;
/// <c>UpcomingNotices</c> the notices the regulation's stages had still to send at the refresh, in time order, and
/// <c>LastNotice</c> the latest one sent (both empty in rows written before they were kept); <c>IsReturned</c> is
/// true while the upper level's return of the filing has started an amendment that is not yet filed again (false in
/// rows written before it was kept); <c>IsAmendmentFiled</c> is true while an amendment of the regulation in force is
/// filed with the upper level and awaits its answer (false in rows written before it was kept).
/// </summary>
public sealed record OrganisationStatus(
    string OrganisationId,
    string Path,
    string? ParentId,
    string Code,
    string Name,
    OrganisationType Type,
    Term Term,
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
    string? PendingSummary,
    IReadOnlyList<string> PendingIds,
    bool IsOverdue,
    bool IsMissing,
    bool IsUpperLevelNotified,
    DateTimeOffset RefreshedAt,
    IReadOnlyDictionary<string, string> PendingNames,
    IReadOnlyList<NoticeSummary> UpcomingNotices,
    NoticeSummary? LastNotice,
    bool IsReturned = false,
    bool IsAmendmentFiled = false)
{
    /// <summary>
    /// How alike the current regulation's text (its draft under way, else its issued text) is to the previous term's
    /// regulation and to the model, with the "copied from the previous term" flag; null without a text, and in rows
    /// written before it was kept.
    /// </summary>
    public Quality.TextLikeness? Likeness { get; init; }

    /// <summary>
    /// How the current regulation's first draft was started (from the model, the previous term's text, or an upload);
    /// null without a regulation, and in rows written before it was kept.
    /// </summary>
    public DraftOrigin? Origin { get; init; }

    /// <summary>
    /// Whether the text in force is an amendment of the regulation (issued after its original text); null without an
    /// issued text, and in rows written before it was kept.
    /// </summary>
    public bool? IsAmendment { get; init; }

    /// <summary>The current regulation's latest closed consultation round, with its formal flag; null when there is none.</summary>
    public Quality.ConsultationSummary? LastConsultation { get; init; }

    /// <summary>
    /// The "copied from the previous term" flag of <see cref="Likeness"/>, as the refresh decided it with the upper
    /// level's threshold (<see cref="Quality.RegulationQuality"/>); false without a likeness. Filters, counts and pages
    /// read this, never the percentage against a threshold of their own.
    /// </summary>
    public bool IsCopiedFromPreviousTerm => Likeness?.IsCopiedFromPreviousTerm ?? false;

    /// <summary>The formal flag of <see cref="LastConsultation"/>, as the refresh decided it; false without a closed round.</summary>
    public bool IsConsultationFormal => LastConsultation?.IsFormal ?? false;

    /// <summary>The first of <see cref="UpcomingNotices"/> still ahead at <paramref name="now"/>, or null.</summary>
    public NoticeSummary? NextNoticeAfter(DateTimeOffset now) => UpcomingNotices.FirstOrDefault(n => n.At > now);
}
