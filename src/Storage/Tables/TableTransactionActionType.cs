namespace QuyCheWorkflow.Storage.Tables;

/// <summary>The operations an entity group transaction may contain.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails the whole transaction if the entity exists.</summary>
    Add,

    /// <summary>Delete, conditional on the action's ETag (any when empty); fails the transaction if missing.</summary>
    Delete,

    /// <summary>Merge into an existing entity, conditional on the action's ETag (any when empty).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity, conditional on the action's ETag (any when empty).</summary>
    UpdateReplace,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,
}
