using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// Every notice of every campaign wave, so that a wave restarted mid-way (a process stopped, an activity retried or
/// delivered twice, an orchestration started again by the reconciler) never mails a notice twice.
/// <para>
/// Table <c>campaignnotices</c>, PK = campaign id:
/// <list type="bullet">
/// <item>a notice: RK = <c>{waveId}|{path}!{recipientKey}</c> ("before-30|tinh|duk|base-1!office"), the organisation
/// by its materialized path (organisations never move), so the notices of a range of status rows are one range query
/// of the ledger (<see cref="ReadRangeAsync"/>): '!' sorts before '|', so an organisation's rows come before those of
/// its children; columns WaveId, OrganisationId, Path, RecipientKey, Kind, To, ToName, Status, ScheduledFor, ClaimedAt,
/// SentAt, NotificationId;</item>
/// <item>the office summary of a wave: RK = <c>!summary|{waveId}</c>, same columns;</item>
/// <item>a wave: RK = <c>!wave|{waveId}</c>; columns Kind, At, PlannedAt, CompletedAt, Members, Planned, Sent,
/// Uncertain, Skipped (<see cref="ListWavesAsync"/>: one range query, never the notices).</item>
/// </list>
/// </para>
/// <para>
/// The guarantee: a notice is claimed by inserting its row as <see cref="CampaignNoticeStatus.Pending"/>
/// (<see cref="TryClaimAsync"/>, which fails when the row exists, so of two concurrent runs only one claims) before
/// the mail goes to the transport, and marked <see cref="CampaignNoticeStatus.Sent"/> after the transport accepted it.
/// A run that finds a row never hands its mail over again: a row still pending was claimed by a run that stopped
/// between the claim and the transport's answer, so the mail was possibly handed over; it is marked
/// <see cref="CampaignNoticeStatus.Uncertain"/> (<see cref="MarkUncertainAsync"/>), counted and shown, and left for
/// a person to check. A claim is released (the row deleted, so a retry sends it) only when the transport said the
/// mail was refused or never reached the server. So each notice is handed to the transport at most once; the
/// uncertain ones are at most one per batch running when a process stopped. Thread-safe.
/// </para>
/// </summary>
public sealed class CampaignNoticeLedger(StateTables tables, TimeProvider timeProvider)
{
    public const string TableName = "campaignnotices";

    private const string WavePrefix = "!wave|";
    private const string SummaryPrefix = "!summary|";

    /// <summary>The row key of a notice to an organisation: <c>{waveId}|{path}!{recipientKey}</c>.</summary>
    public static string NoticeRowKey(string waveId, string path, string recipientKey) => $"{waveId}|{path}!{recipientKey}";

    /// <summary>The row key of a wave's office summary.</summary>
    public static string SummaryRowKey(string waveId) => SummaryPrefix + waveId;

    /// <summary>
    /// The notices of wave <paramref name="waveId"/> to the organisations whose paths lie from
    /// <paramref name="firstPath"/> to <paramref name="lastPath"/> (inclusive, ordinal), by row key: one range query.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Loaded<CampaignNotice>>> ReadRangeAsync(
        string campaignId, string waveId, string firstPath, string lastPath, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        string from = $"{waveId}|{firstPath}";
        string to = $"{waveId}|{lastPath}\"";
        Dictionary<string, Loaded<CampaignNotice>> rows = new(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {from} and RowKey lt {to}"), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            rows[entity.RowKey] = new Loaded<CampaignNotice>(FromEntity(entity), entity.ETag);
        }

        return rows;
    }

    /// <summary>The notices of one wave, office summary included, in row-key order (one range query per 1,000).</summary>
    public async Task<IReadOnlyList<CampaignNotice>> ListNoticesAsync(string campaignId, string waveId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        List<CampaignNotice> notices = [];
        await foreach (var entity in QueryWaveAsync(table, campaignId, waveId, cancellationToken))
        {
            notices.Add(FromEntity(entity));
        }

        var summary = await table.GetEntityIfExistsAsync<TableEntity>(campaignId, SummaryRowKey(waveId), cancellationToken: cancellationToken);
        if (summary.HasValue && summary.Value is { } row)
        {
            notices.Add(FromEntity(row));
        }

        return notices;
    }

    /// <summary>
    /// Claims <paramref name="notice"/> (its status is stored as <see cref="CampaignNoticeStatus.Pending"/>) under
    /// <paramref name="rowKey"/>. False when the row exists: another run claimed it first, and it must not be sent.
    /// </summary>
    public async Task<bool> TryClaimAsync(string campaignId, string rowKey, CampaignNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(campaignId, rowKey, notice with { Status = CampaignNoticeStatus.Pending }), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Marks a claimed notice sent: the transport accepted it at <paramref name="sentAt"/>.</summary>
    public async Task MarkSentAsync(string campaignId, string rowKey, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        TableEntity entity = new(campaignId, rowKey) { ["Status"] = nameof(CampaignNoticeStatus.Sent), ["SentAt"] = sentAt };
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// Marks a notice found pending as <see cref="CampaignNoticeStatus.Uncertain"/>, unless it changed since it was read
    /// (a run still alive marked it sent meanwhile).
    /// </summary>
    public async Task MarkUncertainAsync(string campaignId, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        TableEntity entity = new(campaignId, rowKey) { ["Status"] = nameof(CampaignNoticeStatus.Uncertain) };
        try
        {
            await table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Marked sent, or released, by the run that claimed it: that run knew the outcome.
        }
    }

    /// <summary>Releases a claim whose mail the transport refused for sure, so a retry sends it.</summary>
    public async Task ReleaseAsync(string campaignId, string rowKey, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(campaignId, rowKey, ETag.All, cancellationToken);
    }

    /// <summary>Counts the notices of one wave (the office summary apart): one range query per 1,000 notices.</summary>
    public async Task<CampaignWaveTally> TallyAsync(string campaignId, string waveId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        int sent = 0, uncertain = 0;
        HashSet<string> reached = new(StringComparer.Ordinal);
        await foreach (var entity in QueryWaveAsync(table, campaignId, waveId, cancellationToken, ["RowKey", "Status", "OrganisationId"]))
        {
            bool isSent = entity.GetString("Status") == nameof(CampaignNoticeStatus.Sent);
            sent += isSent ? 1 : 0;
            uncertain += isSent ? 0 : 1;
            reached.Add(entity.GetString("OrganisationId") ?? entity.RowKey);
        }

        return new CampaignWaveTally(sent, uncertain, reached.Count);
    }

    /// <summary>
    /// Records that <paramref name="wave"/> was planned for <paramref name="planned"/> of <paramref name="members"/>
    /// members (again when it is planned again after a restart; its completion, if any, stays until the next).
    /// </summary>
    public async Task PlanWaveAsync(string campaignId, CampaignWave wave, int members, int planned, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wave);
        var table = await tables.GetAsync(TableName, cancellationToken);
        TableEntity entity = new(campaignId, WavePrefix + wave.Id)
        {
            ["Kind"] = wave.Kind.ToString(),
            ["At"] = wave.At,
            ["PlannedAt"] = timeProvider.GetUtcNow(),
            ["Members"] = members,
            ["Planned"] = planned,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Records the completion of <paramref name="wave"/> with its counts (idempotent: the latest completion wins).</summary>
    public async Task CompleteWaveAsync(string campaignId, CampaignWave wave, CampaignWaveTally tally, int skipped, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(tally);
        var table = await tables.GetAsync(TableName, cancellationToken);
        TableEntity entity = new(campaignId, WavePrefix + wave.Id)
        {
            ["Kind"] = wave.Kind.ToString(),
            ["At"] = wave.At,
            ["CompletedAt"] = timeProvider.GetUtcNow(),
            ["Sent"] = tally.Sent,
            ["Uncertain"] = tally.Uncertain,
            ["Skipped"] = skipped,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The waves of a campaign planned so far, in time order: one range query, never the notices.</summary>
    public async Task<IReadOnlyList<CampaignWaveRecord>> ListWavesAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        string end = WavePrefix[..^1] + "}";
        List<CampaignWaveRecord> waves = [];
        await foreach (var entity in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {WavePrefix} and RowKey lt {end}"), cancellationToken: cancellationToken))
        {
            var at = entity.GetDateTimeOffset("At")!.Value;
            waves.Add(new CampaignWaveRecord(
                entity.RowKey[WavePrefix.Length..],
                Enum.Parse<CampaignWaveKind>(entity.GetString("Kind")!),
                at,
                entity.GetDateTimeOffset("PlannedAt") ?? at,
                entity.GetDateTimeOffset("CompletedAt"),
                entity.GetInt32("Members") ?? 0,
                entity.GetInt32("Planned") ?? 0,
                entity.GetInt32("Sent") ?? 0,
                entity.GetInt32("Uncertain") ?? 0,
                entity.GetInt32("Skipped") ?? 0));
        }

        return [.. waves.OrderBy(w => w.At)];
    }

    /// <summary>The notices to organisations of one wave: the row keys starting with "{waveId}|".</summary>
    private static AsyncPageable<TableEntity> QueryWaveAsync(TableClient table, string campaignId, string waveId, CancellationToken cancellationToken, IEnumerable<string>? select = null) =>
        table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {campaignId} and RowKey ge {waveId + "|"} and RowKey lt {waveId + "}"}"),
            maxPerPage: 1000, select: select, cancellationToken: cancellationToken);

    private static TableEntity ToEntity(string campaignId, string rowKey, CampaignNotice notice) => new(campaignId, rowKey)
    {
        ["WaveId"] = notice.WaveId,
        ["OrganisationId"] = notice.OrganisationId,
        ["Path"] = notice.Path,
        ["RecipientKey"] = notice.RecipientKey,
        ["Kind"] = notice.Kind.ToString(),
        ["To"] = notice.To,
        ["ToName"] = notice.ToName,
        ["Status"] = notice.Status.ToString(),
        ["ScheduledFor"] = notice.ScheduledFor,
        ["ClaimedAt"] = notice.ClaimedAt,
        ["SentAt"] = notice.SentAt,
        ["NotificationId"] = notice.NotificationId,
    };

    private static CampaignNotice FromEntity(TableEntity entity) => new(
        entity.GetString("WaveId") ?? string.Empty,
        entity.GetString("OrganisationId") ?? string.Empty,
        entity.GetString("Path") ?? string.Empty,
        entity.GetString("RecipientKey") ?? string.Empty,
        Enum.Parse<CampaignNoticeKind>(entity.GetString("Kind") ?? nameof(CampaignNoticeKind.Reminder)),
        entity.GetString("To") ?? string.Empty,
        entity.GetString("ToName"),
        Enum.Parse<CampaignNoticeStatus>(entity.GetString("Status") ?? nameof(CampaignNoticeStatus.Pending)),
        entity.GetDateTimeOffset("ScheduledFor") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("SentAt"),
        entity.GetString("NotificationId") ?? string.Empty);
}
