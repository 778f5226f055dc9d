using System.Globalization;
using System.Net.Http.Headers;
using QuyCheWorkflow.Storage.Pipeline;

namespace QuyCheWorkflow.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>The most operations one entity group transaction may hold.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>
    /// Applies up to 100 operations on entities of one partition atomically and returns each action's new ETag, in
    /// order (empty for deletes). If any operation fails, none is applied and a
    /// <see cref="TableTransactionFailedException"/> names the failing action's index. The client rejects (with
    /// <see cref="ArgumentException"/>) empty or oversized transactions, mixed partitions and an entity appearing twice,
    /// because the emulator accepts some of these and Azure does not. Retried on transient failures only when it
    /// contains no <see cref="TableTransactionActionType.Add"/> (the other operations are safe to repeat); otherwise only
    /// when the request provably never left. A connection failure or timeout surfaces as the base
    /// <see cref="StorageRequestFailedException"/> (status 0): the transaction may or may not have been applied.
    /// </summary>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        ValidateTransaction(list);
        var parts = list.Select(action => (Action: action, Body: action.ActionType == TableTransactionActionType.Delete ? null : TableEntityJson.Serialize(action.Entity))).ToList();
        var mode = list.Any(a => a.ActionType == TableTransactionActionType.Add) ? RetryMode.NotIdempotent : RetryMode.Idempotent;
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.SendAsync(
                "Table.Transaction",
                mode,
                () =>
                {
                    var request = NewRequest(HttpMethod.Post, "$batch");
                    request.Content = TableBatchContent.Create(parts.Select(p => BatchOperation(p.Action, p.Body)).ToList());
                    return request;
                },
                cancellationToken);
        }
        catch (StorageRequestFailedException exception) when (exception.Status != 0)
        {
            // The service rejected the whole request rather than one change set operation.
            throw new TableTransactionFailedException(exception.Status, exception.ErrorCode, exception.RequestId, exception.Message, FailedIndexInText(exception.Message));
        }

        using var disposeResponse = response;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var results = TableBatchContent.ParseResponses(body, response.Content.Headers.ContentType);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (result.Status is < 200 or >= 300)
            {
                var (code, message) = ErrorResponse.Parse(result.Body);
                var index = FailedIndex(message) ?? (results.Count == list.Count ? i : null);
                var requestId = ErrorResponse.HeaderValue(response, "x-ms-request-id");
                throw new TableTransactionFailedException(
                    result.Status,
                    code,
                    requestId,
                    $"Table.Transaction failed with status {result.Status}" + (code is null ? string.Empty : $", error code {code}") +
                    (index is null ? string.Empty : $", at action {index}") + (message is null ? "." : $": {message}"),
                    index);
            }
        }

        if (results.Count != list.Count)
        {
            throw new StorageRequestFailedException((int)response.StatusCode, null, null, $"Table.Transaction returned {results.Count} results for {list.Count} actions.");
        }

        var etags = new ETag[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            etags[i] = results[i].ETag is { } raw ? new ETag(raw) : default;
            if (list[i].ActionType != TableTransactionActionType.Delete)
            {
                list[i].Entity.ETag = etags[i];
            }
        }

        return etags;
    }

    private static void ValidateTransaction(List<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            ArgumentNullException.ThrowIfNull(action.Entity, nameof(actions));
            CheckKeys(action.Entity.PartitionKey, action.Entity.RowKey);
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All actions of a transaction must share one partition key; found '{partition}' and '{action.Entity.PartitionKey}'.", nameof(actions));
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"The entity with row key '{action.Entity.RowKey}' appears twice in one transaction.", nameof(actions));
            }
        }
    }

    private static int? FailedIndex(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    private static int? FailedIndexInText(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @": (\d+):", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private TableBatchOperation BatchOperation(TableTransactionAction action, byte[]? body)
    {
        var entity = action.Entity;
        var entityUri = _pipeline.Resource(EntityPath(entity.PartitionKey, entity.RowKey));
        var condition = action.ETag.IsEmpty ? ETag.All : action.ETag;
        return action.ActionType switch
        {
            TableTransactionActionType.Add => new("POST", _pipeline.Resource(Name), body, IfMatch: null),
            TableTransactionActionType.Delete => new("DELETE", entityUri, null, condition.ToString()),
            TableTransactionActionType.UpdateMerge => new("MERGE", entityUri, body, condition.ToString()),
            TableTransactionActionType.UpdateReplace => new("PUT", entityUri, body, condition.ToString()),
            TableTransactionActionType.UpsertMerge => new("MERGE", entityUri, body, IfMatch: null),
            TableTransactionActionType.UpsertReplace => new("PUT", entityUri, body, IfMatch: null),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action."),
        };
    }
}
