namespace QuyCheWorkflow.Functions.State;

/// <summary>One stored audit entry: the record, when it was appended, its place and its link to the previous entry.</summary>
public sealed record AuditLogEntry(long Sequence, DateTimeOffset At, AuditRecord Record, string PreviousHash);
