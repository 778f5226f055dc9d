namespace QuyCheWorkflow.Storage;

/// <summary>The three storage services these clients speak to.</summary>
public enum StorageService
{
    Blob,
    Queue,
    Table,
}
