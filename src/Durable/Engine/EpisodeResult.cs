namespace QuyCheWorkflow.Durable;

/// <summary>What one replay-and-run of an orchestrator produced.</summary>
/// <param name="NewActions">Scheduling events the code produced that history does not hold yet, in step order.</param>
/// <param name="Outcome">Where the orchestration stands.</param>
/// <param name="Output">Serialized output (completed, terminated) or new input (continued as new).</param>
/// <param name="Failure">Why it failed.</param>
/// <param name="CustomStatus">Serialized custom status.</param>
/// <param name="CarriedEvents">Unconsumed external events to carry into the next generation.</param>
internal sealed record EpisodeResult(
    IReadOnlyList<HistoryEvent> NewActions,
    EpisodeOutcome Outcome,
    string? Output,
    TaskFailureDetails? Failure,
    string? CustomStatus,
    IReadOnlyList<HistoryEvent> CarriedEvents);
