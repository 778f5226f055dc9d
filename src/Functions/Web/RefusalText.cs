namespace QuyCheWorkflow.Functions.Web;

/// <summary>A refusal as people read it: the input it concerns (null when it concerns the state) and the sentence.</summary>
/// <param name="Field">The request field (JSON name) the refusal is about, or null.</param>
/// <param name="Message">The Vietnamese sentence: what was refused and what to do.</param>
public sealed record RefusalText(string? Field, string Message);
