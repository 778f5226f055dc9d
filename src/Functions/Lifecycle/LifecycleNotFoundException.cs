namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>An organisation, regulation, round, filing or review named by a command does not exist (→ 404).</summary>
public sealed class LifecycleNotFoundException : Exception
{
    public LifecycleNotFoundException()
    {
    }

    public LifecycleNotFoundException(string message)
        : base(message)
    {
    }

    public LifecycleNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
