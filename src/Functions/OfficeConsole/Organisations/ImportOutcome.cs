namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>The result of an import shown on the import page: which file, and how many organisations it created, changed and left as they were.</summary>
public sealed record ImportOutcome(bool Committees, int Created, int Updated, int Unchanged);
