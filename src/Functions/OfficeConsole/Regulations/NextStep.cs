namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>What to do next on a regulation, where to do it and by when (Vietnam time, already written out).</summary>
/// <param name="Label">The action, in Vietnamese.</param>
/// <param name="Href">The page of the step, or null when the office only waits.</param>
/// <param name="Deadline">"17:00 ngày 05/12/2026" or "ngày 05/12/2026", or null.</param>
/// <param name="IsOverdue">True when the deadline has passed.</param>
public sealed record NextStep(string Label, string? Href, string? Deadline, bool IsOverdue);
