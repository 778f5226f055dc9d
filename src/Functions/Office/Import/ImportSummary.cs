namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// The answer to an import: how many organisations were created, updated or left unchanged, and their ids in the
/// order of the file, except that a new organisation follows the new parent it names (the order they were written).
/// <see cref="IdsOmitted"/> is true only on the replay of an <c>Idempotency-Key</c> whose id lists were too long to
/// record; the counts are always there.
/// </summary>
public sealed record ImportSummary(
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<string> CreatedIds,
    IReadOnlyList<string> UpdatedIds,
    IReadOnlyList<string> UnchangedIds,
    bool IdsOmitted = false);
