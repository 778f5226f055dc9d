using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// Every notice the lifecycle mailed, keyed by a deterministic notice id, so a replayed orchestration or a
/// retried activity finds the notice already sent and does not mail it again.
/// <para>
/// Table <c>notices</c>: PK = regulation id, RK = notice id ("vote-reminder|vote-1|m3|202603050100"); columns
/// Kind, To, ToName (the addressee's name; absent in rows written before it was kept), ScheduledFor (the instant
/// the notice was due), SentAt (when it went out). A row is written after
/// the mail was handed to the transport: a crash in between mails once more on the retry, the only case where a
/// notice can repeat.
/// </para>
/// </summary>
public sealed class NoticeLedger(StateTables tables)
{
    public const string TableName = "notices";

    public async Task<bool> WasSentAsync(string regulationId, string noticeId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(regulationId, noticeId, ["RowKey"], cancellationToken);
        return response.HasValue;
    }

    public async Task RecordAsync(string regulationId, SentNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var table = await tables.GetAsync(TableName, cancellationToken);
        TableEntity entity = new(regulationId, notice.NoticeId)
        {
            ["Kind"] = notice.Kind.ToString(),
            ["To"] = notice.To,
            ["ScheduledFor"] = notice.ScheduledFor,
            ["SentAt"] = notice.SentAt,
            ["ToName"] = notice.ToName,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Recorded by a concurrent run of the same step: the notice went out at least once, as recorded.
        }
    }

    /// <summary>True once a notice of <paramref name="kind"/> about <paramref name="subjectId"/> went out to anyone (one query).</summary>
    public async Task<bool> AnySentAsync(string regulationId, NoticeKind kind, string subjectId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        string prefix = LifecycleNotifier.NoticePrefix(kind, subjectId);
        string end = prefix[..^1] + "}";
        await foreach (var page in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {regulationId} and RowKey ge {prefix} and RowKey lt {end}"),
            maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            return page.Values.Count > 0;
        }

        return false;
    }

    /// <summary>The notices of one regulation, in notice-id order.</summary>
    public async Task<IReadOnlyList<SentNotice>> ListAsync(string regulationId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        List<SentNotice> notices = [];
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {regulationId}"), cancellationToken: cancellationToken))
        {
            notices.Add(new SentNotice(
                entity.RowKey,
                Enum.Parse<NoticeKind>(entity.GetString("Kind")!),
                entity.GetString("To")!,
                entity.GetDateTimeOffset("ScheduledFor")!.Value,
                entity.GetDateTimeOffset("SentAt")!.Value,
                entity.GetString("ToName")));
        }

        return notices;
    }
}
