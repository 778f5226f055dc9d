namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>The office's handling of one comment: outcome plus the explanation shown in the summary table.</summary>
/// <param name="CommentId">The comment resolved.</param>
/// <param name="Outcome">Accepted, partly accepted or not accepted.</param>
/// <param name="Explanation">Required, non-blank: what changed, or why not.</param>
/// <param name="ResolvedBy">Who recorded it.</param>
/// <param name="ResolvedAt">When.</param>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record CommentResolution(
    string CommentId,
    ResolutionOutcome Outcome,
    string Explanation,
    string ResolvedBy,
    DateTimeOffset ResolvedAt);
