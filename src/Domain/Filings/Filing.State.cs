namespace QuyCheWorkflow.Domain.Filings;

public sealed partial class Filing
{
    /// <summary>A snapshot for persistence.</summary>
    public FilingState ToState()
        => new(Id, RegulationId, DocumentSymbol, UpperLevelOrganisationId, SentBy, SentAt, Status, RespondedBy, RespondedAt, ReturnReasons);

    /// <summary>Rebuilds a filing saved with <see cref="ToState"/>.</summary>
    public static Filing FromState(FilingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new Filing(state.Id, state.RegulationId, state.DocumentSymbol, state.UpperLevelOrganisationId, state.SentBy, state.SentAt)
        {
            Status = state.Status,
            RespondedBy = state.RespondedBy,
            RespondedAt = state.RespondedAt,
            ReturnReasons = [.. state.ReturnReasons],
        };
    }
}
