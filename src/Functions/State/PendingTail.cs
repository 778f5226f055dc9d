using Azure;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// The rest of a command (its audit entries, follow-up writes, status refresh and wake-ups), stored as JSON in the
/// row the command changed, in the same write as the change, and found there until it has been carried out.
/// </summary>
/// <param name="Row">The row holding it.</param>
/// <param name="ETag">The row's ETag as read; clearing the tail is conditional on it.</param>
/// <param name="Json">The tail as the lifecycle wrote it.</param>
public sealed record PendingTail(RowReference Row, ETag ETag, string Json);
