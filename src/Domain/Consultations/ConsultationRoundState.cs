namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>Everything a <see cref="ConsultationRound"/> holds, as plain data for persistence.</summary>
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
