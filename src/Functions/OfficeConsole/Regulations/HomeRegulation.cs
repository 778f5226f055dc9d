using QuyCheWorkflow.Domain.Filings;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>
/// One regulation on the home page: its stage and next step, and what needs attention: comments of the closed round
/// still to resolve (<c>UnresolvedComments</c>), a vote deadline passed without a decision (<c>VotePastDeadline</c>,
/// written out), the latest filing when the upper level returned it (<c>ReturnedFiling</c>, with its reasons), and
/// the next review when due within <see cref="HomeReader.ReviewHorizonDays"/> days or overdue (<c>ReviewDue</c>).
/// </summary>
public sealed record HomeRegulation(
    string RegulationId,
    string Title,
    string Term,
    string StageLabel,
    NextStep Next,
    int UnresolvedComments,
    string? VotePastDeadline,
    FilingState? ReturnedFiling,
    string? ReviewDue,
    bool ReviewOverdue);
