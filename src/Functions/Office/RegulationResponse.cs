using System.Globalization;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// A regulation as the office API returns it: its <c>Stage</c> in the lifecycle, the term (<c>2025-2030</c>), the
/// original drafting cycle and the amendments, the issuance of the text in force, its filings and its review dates
/// (Vietnam calendar). The rounds, filings and reviews it names by id are answered by the commands that create them.
/// </summary>
public sealed record RegulationResponse(
    string Id,
    string OrganisationId,
    string Term,
    string Title,
    RegulationStage Stage,
    DateTimeOffset CreatedAt,
    int ReviewCadenceMonths,
    DraftingCycleResponse InitialCycle,
    IReadOnlyList<AmendmentResponse> Amendments,
    IssuanceResponse? CurrentIssuance,
    IReadOnlyList<string> FilingIds,
    DateOnly? LastReviewDate,
    DateOnly? NextReviewDue,
    string? SupersededByRegulationId,
    DateOnly? EndedOn)
{
    public static RegulationResponse From(RegulationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var regulation = Regulation.FromState(state);
        return new(
            regulation.Id,
            regulation.OrganisationId,
            string.Create(CultureInfo.InvariantCulture, $"{regulation.Term.StartYear}-{regulation.Term.EndYear}"),
            regulation.Title,
            regulation.Stage,
            ApiInstant.Of(regulation.CreatedAt),
            regulation.ReviewSchedule.CadenceMonths,
            DraftingCycleResponse.From(regulation.InitialCycle),
            [.. regulation.Amendments.Select(AmendmentResponse.From)],
            regulation.CurrentIssuance is { } issuance ? IssuanceResponse.From(issuance) : null,
            [.. regulation.FilingIds],
            regulation.LastReviewDate,
            regulation.NextReviewDue,
            regulation.SupersededByRegulationId,
            regulation.EndedOn);
    }
}
