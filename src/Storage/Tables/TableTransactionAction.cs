namespace QuyCheWorkflow.Storage.Tables;

/// <summary>One operation of an entity group transaction. For deletes only the entity's keys are used.</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity (or, for a delete, its keys).</param>
/// <param name="ETag">The If-Match condition of Delete and Update* actions; empty means any version.</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);
