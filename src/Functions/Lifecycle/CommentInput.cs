namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>A comment as submitted: <paramref name="Article"/> is the "Điều" number, null for a general comment.</summary>
public sealed record CommentInput(int? Article, string Text);
