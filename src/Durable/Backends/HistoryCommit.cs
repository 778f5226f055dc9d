namespace QuyCheWorkflow.Durable;

/// <summary>One checkpoint: append <see cref="Events"/> (or replace the history with them) if nobody advanced it.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="ExpectedETag">The sentinel ETag read with the history; null when there was none.</param>
/// <param name="ExecutionId">The generation the events belong to.</param>
/// <param name="ReplacesHistory">True for a new generation (start, restart, continue-as-new).</param>
/// <param name="Events">The events to write.</param>
/// <param name="CustomStatus">The custom status to save.</param>
internal sealed record HistoryCommit(
    string InstanceId, string? ExpectedETag, string ExecutionId, bool ReplacesHistory, IReadOnlyList<HistoryEvent> Events, string? CustomStatus)
{
    /// <summary>Gets the checkpoint number this commit writes: the loaded history's plus one.</summary>
    public long Checkpoint { get; init; }
}
