namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>Everything a <see cref="ConsultationRound"/> holds, as plain data for persistence.</summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record ConsultationRoundState(
    string Id,
    string RegulationId,
    int DraftVersion,
    IReadOnlyList<string> Recipients,
    DateTimeOffset OpenedAt,
    DateTimeOffset Deadline,
    ConsultationStatus Status,
    DateTimeOffset? ClosedAt,
    ConsultationCloseReason? CloseReason,
    IReadOnlyList<ConsultationResponse> Responses);
