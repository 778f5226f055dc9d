using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle.Tails;

/// <summary>One audit entry of a command's tail, for the chain of <paramref name="Partition"/>.</summary>
// WARNING: stored as JSON in table rows until carried out.
public sealed record TailAuditEntry(string Partition, AuditRecord Record);
