using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// A consultation round as the office API returns it: the draft version sent, the recipients (by id), the deadline,
/// where it stands and the answers received so far.
/// </summary>
public sealed record ConsultationRoundResponse(
    string Id,
    string RegulationId,
    int DraftVersion,
    IReadOnlyList<string> RecipientIds,
    DateTimeOffset OpenedAt,
    DateTimeOffset Deadline,
    ConsultationStatus Status,
    DateTimeOffset? ClosedAt,
    ConsultationCloseReason? CloseReason,
    IReadOnlyList<ConsultationAnswerResponse> Answers)
{
    public static ConsultationRoundResponse From(ConsultationRoundState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            state.Id,
            state.RegulationId,
            state.DraftVersion,
            [.. state.Recipients],
            ApiInstant.Of(state.OpenedAt),
            ApiInstant.Of(state.Deadline),
            state.Status,
            ApiInstant.Of(state.ClosedAt),
            state.CloseReason,
            [.. state.Responses.Select(ConsultationAnswerResponse.From)]);
    }
}
