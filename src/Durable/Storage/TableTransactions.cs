using Azure;
using Azure.Data.Tables;

namespace QuyCheWorkflow.Durable.Storage;

/// <summary>
/// The rules of an entity group transaction that the SDK leaves to the service: at most 100 actions, one partition
/// key, each row at most once. Azure refuses a transaction breaking them; Azurite answers 101 actions with an
/// unreadable error and accepts what Azure refuses, so a bug would pass the tests and fail in production.
/// </summary>
public static class TableTransactions
{
    /// <summary>The most actions one transaction may hold.</summary>
    public const int MaxActions = 100;

    /// <summary>Checks a transaction before it is sent.</summary>
    /// <exception cref="ArgumentException">It is empty, has more than 100 actions, spans several partition keys or names a row twice.</exception>
    public static void Validate(IReadOnlyCollection<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            throw new ArgumentException("A table transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > MaxActions)
        {
            throw new ArgumentException($"A table transaction holds at most {MaxActions} actions; this one has {actions.Count}.", nameof(actions));
        }

        string? partitionKey = null;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var entity = action.Entity ?? throw new ArgumentException("A table transaction action has no entity.", nameof(actions));
            partitionKey ??= entity.PartitionKey;
            if (!string.Equals(partitionKey, entity.PartitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"A table transaction must stay in one partition; it has '{partitionKey}' and '{entity.PartitionKey}'.", nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException(
                    $"A table transaction may touch a row once; row '{entity.RowKey}' of partition '{partitionKey}' appears twice.", nameof(actions));
            }
        }
    }

    /// <summary>
    /// Validates the actions (<see cref="Validate"/>) and submits them as one transaction: all take effect or none.
    /// A transaction is a non-idempotent POST, so the <see cref="StorageRetryPolicy"/> does not resend it once it may
    /// have reached the service: on a network error or timeout the caller cannot know whether it took effect.
    /// </summary>
    /// <exception cref="ArgumentException">The actions break a transaction rule; nothing was sent.</exception>
    /// <exception cref="TableTransactionFailedException">An action failed (its index and status in the exception); nothing took effect.</exception>
    public static Task<Response<IReadOnlyList<Response>>> SubmitValidatedTransactionAsync(
        this TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions as IReadOnlyCollection<TableTransactionAction> ?? actions.ToList();
        Validate(list);
        return table.SubmitTransactionAsync(list, cancellationToken);
    }
}
