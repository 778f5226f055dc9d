namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>A comment as submitted, before the round gives it an id.</summary>
/// <param name="Article">Article number N of "Điều N" (≥ 1), or null for a general comment.</param>
/// <param name="Text">Non-blank comment text.</param>
public sealed record CommentDraft(int? Article, string Text);
