using QuyCheWorkflow.Domain.Filings;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// A filing with the upper level as the office API returns it: the document number sent (<c>01-QC/ĐU</c>), the
/// upper-level organisation, where it stands and, once it answered, who answered when and the reasons of a return.
/// </summary>
public sealed record FilingResponse(
    string Id,
    string RegulationId,
    string DocumentNumber,
    string UpperLevelOrganisationId,
    string SentBy,
    DateTimeOffset SentAt,
    FilingStatus Status,
    string? RespondedBy,
    DateTimeOffset? RespondedAt,
    IReadOnlyList<string> ReturnReasons)
{
    public static FilingResponse From(FilingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Id, state.RegulationId, state.DocumentSymbol, state.UpperLevelOrganisationId, state.SentBy, ApiInstant.Of(state.SentAt),
            state.Status, state.RespondedBy, ApiInstant.Of(state.RespondedAt), [.. state.ReturnReasons]);
    }
}
