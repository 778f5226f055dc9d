namespace QuyCheWorkflow.Durable;

/// <summary>Thrown when starting an instance id that already exists in a status the start dedupes.</summary>
public sealed class OrchestrationAlreadyExistsException : Exception
{
    public OrchestrationAlreadyExistsException()
    {
    }

    public OrchestrationAlreadyExistsException(string instanceId)
        : base($"Orchestration instance '{instanceId}' already exists.") => InstanceId = instanceId;

    public OrchestrationAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? InstanceId { get; }
}
