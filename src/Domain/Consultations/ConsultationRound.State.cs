namespace QuyCheWorkflow.Domain.Consultations;

public sealed partial class ConsultationRound
{
    /// <summary>A snapshot for persistence.</summary>
    public ConsultationRoundState ToState()
        => new(Id, RegulationId, DraftVersion, [.. _recipients], OpenedAt, Deadline, Status, ClosedAt, CloseReason, Responses);

    /// <summary>Rebuilds a round saved with <see cref="ToState"/>.</summary>
    /// <exception cref="DomainException">A response from someone who is not a recipient, or twice from one.</exception>
    public static ConsultationRound FromState(ConsultationRoundState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ConsultationRound round = new(state.Id, state.RegulationId, state.DraftVersion, state.Recipients, state.OpenedAt, state.Deadline)
        {
            Status = state.Status,
            ClosedAt = state.ClosedAt,
            CloseReason = state.CloseReason,
        };
        foreach (ConsultationResponse response in state.Responses)
        {
            if (!round._recipients.Contains(response.RecipientId, StringComparer.Ordinal) || !round._responses.TryAdd(response.RecipientId, response))
            {
                throw new DomainException(RefusalCode.StoredStateInconsistent, $"Consultation round '{state.Id}' has a response of '{response.RecipientId}' that does not fit its recipients.",
                    new Dictionary<string, string> { ["what"] = "consultation round " + state.Id });
            }
        }

        return round;
    }
}
