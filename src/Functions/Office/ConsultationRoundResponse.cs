using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// A consultation round as the office API returns it: the draft version sent, the recipients (by id), the deadline,
/// where it stands and the answers received so far; once closed, its <see cref="Quality"/> (null while open, and
/// in the answer of the command that opens it).
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
    IReadOnlyList<ConsultationAnswerResponse> Answers,
    ConsultationQualityResponse? Quality = null)
{
    public static ConsultationRoundResponse From(ConsultationRoundState state) => From(state, null);

    public static ConsultationRoundResponse From(ConsultationRoundState state, ConsultationQualityResponse? quality)
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
            [.. state.Responses.Select(ConsultationAnswerResponse.From)],
            quality);
    }
}
