namespace QuyCheWorkflow.Durable;

/// <summary>
/// The orchestrator's code no longer matches its recorded history (a different activity, order or kind of step).
/// The instance is failed with this error; it never continues on a diverged history.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException(int sequenceNumber, string expected, string actual)
        : base($"Non-deterministic orchestration at step #{sequenceNumber}: history has {expected}, but the code now does {actual}.")
    {
        SequenceNumber = sequenceNumber;
        Expected = expected;
        Actual = actual;
    }

    public NonDeterministicOrchestrationException()
        : this(-1, "unknown", "unknown")
    {
    }

    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
        Expected = Actual = "unknown";
    }

    public NonDeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Expected = Actual = "unknown";
    }

    public int SequenceNumber { get; }

    public string Expected { get; }

    public string Actual { get; }
}
