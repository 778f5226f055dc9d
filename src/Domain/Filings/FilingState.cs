namespace QuyCheWorkflow.Domain.Filings;

/// <summary>Everything a <see cref="Filing"/> holds, as plain data for persistence.</summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record FilingState(
    string Id,
    string RegulationId,
    string DocumentSymbol,
    string UpperLevelOrganisationId,
    string SentBy,
    DateTimeOffset SentAt,
    FilingStatus Status,
    string? RespondedBy,
    DateTimeOffset? RespondedAt,
    IReadOnlyList<string> ReturnReasons);
