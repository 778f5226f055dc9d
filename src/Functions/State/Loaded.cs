using Azure;

namespace QuyCheWorkflow.Functions.State;

/// <summary>A value as read, with the ETag to pass back when saving it.</summary>
public sealed record Loaded<T>(T Value, ETag ETag)
{
    /// <summary>
    /// The tail of the command that last wrote the row, when it has not been carried out yet (the process died
    /// after the write). Whoever writes the row next carries it out first: a write replaces the whole row, tail
    /// included.
    /// </summary>
    public PendingTail? Tail { get; init; }
}
