namespace QuyCheWorkflow.Functions.Status;

/// <summary>Someone a regulation waits for: a committee member, a consulted party or the upper level. Name is null when the stores do not know it.</summary>
public sealed record PendingParty(string Id, string? Name);
