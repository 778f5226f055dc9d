using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>
/// One comment on the resolution form: the comment and who made it, the choice (a <see cref="ResolutionOutcome"/> name,
/// or empty) and explanation shown, whether a resolution of it is stored, and the message beside it.
/// </summary>
public sealed record ResolutionRow(Comment Comment, string CommentedBy, string Outcome, string Explanation, bool IsResolved, string? Error);
