namespace QuyCheWorkflow.Durable;

/// <summary>Thrown when an operation names an orchestration instance that does not exist.</summary>
public sealed class OrchestrationNotFoundException : Exception
{
    public OrchestrationNotFoundException()
    {
    }

    public OrchestrationNotFoundException(string instanceId)
        : base($"Orchestration instance '{instanceId}' does not exist.") => InstanceId = instanceId;

    public OrchestrationNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? InstanceId { get; }
}
