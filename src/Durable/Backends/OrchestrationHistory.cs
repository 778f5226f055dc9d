namespace QuyCheWorkflow.Durable;

/// <summary>The current generation's history of one instance, with the token a checkpoint must match.</summary>
/// <param name="ExecutionId">The current generation; null when the instance has no history yet.</param>
/// <param name="Events">The events, in order.</param>
/// <param name="ETag">The sentinel's ETag; null when no history exists.</param>
/// <param name="CustomStatus">The custom status saved with the last checkpoint.</param>
internal sealed record OrchestrationHistory(string? ExecutionId, IReadOnlyList<HistoryEvent> Events, string? ETag, string? CustomStatus)
{
    public static readonly OrchestrationHistory Empty = new(null, [], null, null);

    /// <summary>Gets how many checkpoints the instance has had, across generations: it only ever grows.</summary>
    public long Checkpoint { get; init; }

    public bool IsCompleted => Events.Any(e => e.Type == HistoryEventType.ExecutionCompleted);

    public HistoryEvent? Started => Events.FirstOrDefault(e => e.Type == HistoryEventType.ExecutionStarted);
}
