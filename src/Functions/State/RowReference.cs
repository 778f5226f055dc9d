namespace QuyCheWorkflow.Functions.State;

/// <summary>Where one row of a state table is: the logical table name (before the prefix) and its keys.</summary>
public sealed record RowReference(string Table, string PartitionKey, string RowKey);
