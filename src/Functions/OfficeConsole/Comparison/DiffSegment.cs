namespace QuyCheWorkflow.Functions.OfficeConsole.Comparison;

/// <summary>One run of an inline word diff: text that stayed, went or came.</summary>
public sealed record DiffSegment(DiffSegmentKind Kind, string Text);
