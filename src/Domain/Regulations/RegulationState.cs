using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Reviews;

namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// Everything a <see cref="Regulation"/> holds, as plain data for persistence. The stage objects it refers
/// to by id (consultation and vote rounds, filings, reviews) are persisted on their own.
/// <c>StageAfterIssue</c> is null until issued (the stage then comes from the initial cycle), and afterwards
/// one of Issued, Filed, InForce, Superseded or Repealed.
/// </summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record RegulationState(
    string Id,
    string OrganisationId,
    Term Term,
    string Title,
    ReviewSchedule ReviewSchedule,
    DateTimeOffset CreatedAt,
    DraftingCycleState InitialCycle,
    RegulationStage? StageAfterIssue,
    Issuance? CurrentIssuance,
    string? FilingId,
    IReadOnlyList<string> FilingIds,
    DateOnly? LastReviewDate,
    DateOnly? NextReviewDue,
    IReadOnlyList<AmendmentCycleState> Amendments,
    string? SupersededByRegulationId,
    DateOnly? EndedOn);
