namespace QuyCheWorkflow.Storage.Tables;

/// <summary>How a write treats properties the stored entity has and the written one lacks.</summary>
public enum TableUpdateMode
{
    /// <summary>The stored entity becomes exactly the written one (PUT).</summary>
    Replace,

    /// <summary>The written properties are added or overwritten; others are kept (MERGE).</summary>
    Merge,
}
