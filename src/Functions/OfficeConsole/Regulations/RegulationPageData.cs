using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>Everything a regulation's page shows, read once per view (<see cref="RegulationPageReader"/>).</summary>
public sealed record RegulationPageData(
    Organisation Organisation,
    Regulation Regulation,
    RegulationTimelineResponse Timeline,
    IReadOnlyList<ConsultationRoundState> Rounds,
    IReadOnlyDictionary<string, ResolutionSheetState> Sheets,
    IReadOnlyDictionary<string, IReadOnlyList<ConsultationRecipient>> Recipients,
    IReadOnlyList<VoteRoundState> Votes,
    IReadOnlyList<FilingState> Filings,
    IReadOnlyList<PeriodicReviewState> Reviews,
    NextStep Next,
    DateTimeOffset Now)
{
    /// <summary>The name of a consulted party of <paramref name="roundId"/>, or its id when the store has none.</summary>
    public string RecipientName(string roundId, string recipientId) =>
        Recipients.TryGetValue(roundId, out var list) && list.FirstOrDefault(r => r.RecipientId == recipientId) is { Name.Length: > 0 } recipient
            ? recipient.Name
            : recipientId;
}
