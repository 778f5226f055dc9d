namespace QuyCheWorkflow.Durable;

/// <summary>Where the task hub keeps its state.</summary>
public enum DurableTaskBackendKind
{
    /// <summary>In process memory: for tests and local runs; lost on exit.</summary>
    InMemory,

    /// <summary>Azure Storage tables, queues and blobs (or Azurite).</summary>
    AzureStorage,
}
