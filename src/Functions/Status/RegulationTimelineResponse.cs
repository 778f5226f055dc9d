using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// One regulation's history from the audit log, with what it is now, and its notices in time order: those sent (from
/// the notice ledger) and then those scheduled after the moment of the answer.
/// </summary>
public sealed record RegulationTimelineResponse(
    string RegulationId,
    string OrganisationId,
    string OrganisationName,
    string Title,
    RegulationStage Stage,
    string StageLabel,
    IReadOnlyList<TimelineEntryResponse> Entries,
    IReadOnlyList<NoticeResponse> Notices);
