using System.Security.Claims;
using System.Text.Json;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// Reads the status roll-up and regulation timelines for a caller, never outside the caller's subtree
/// (<see cref="OrganisationAccess"/>). Shared by the API and the dashboard pages, so both show the same thing.
/// Reads only: the status projection, the organisation, regulation and audit stores.
/// </summary>
public sealed class StatusReports(
    StatusProjection projection,
    OrganisationStore organisations,
    RegulationStore regulations,
    ConsultationRecipientStore recipients,
    RegulationIndex index,
    AuditLog audit,
    NoticeOutlook outlook,
    OrganisationAccess access,
    TimeProvider timeProvider,
    Campaigns.CampaignStore? campaigns = null)
{
    /// <summary>
    /// The roll-up of <see cref="StatusQuery.OrganisationId"/> (default: the caller's organisation) filtered by
    /// <paramref name="query"/>; null when that organisation does not exist or is outside the caller's reach, so
    /// the two cannot be told apart.
    /// </summary>
    public async Task<StatusReportResponse?> ReadAsync(ClaimsPrincipal user, StatusQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        string? root = query.OrganisationId ?? user.GetOrganisationId();
        if (root is null || await access.ReachablePathAsync(user, root, cancellationToken) is not { } path)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        var rows = await projection.QuerySubtreeAtPathAsync(path, query.ToStoreFilter(), cancellationToken);
        int rootDepth = rows.FirstOrDefault(r => r.OrganisationId == root)?.Path.Count(c => c == '|') ?? 0;
        var names = rows.ToDictionary(r => r.OrganisationId, r => r.Name, StringComparer.Ordinal);
        List<OrganisationStatusResponse> result = [];
        var openCampaigns = campaigns is null ? [] : (await campaigns.ListAsync(cancellationToken)).Where(c => c.State == Domain.Campaigns.CampaignState.Open).ToList();
        foreach (var row in rows.Where(query.Matches))
        {
            var pending = await ResolvePendingAsync(row, names, cancellationToken);
            result.Add(ToResponse(row, row.Path.Count(c => c == '|') - rootDepth, pending, now) with
            {
                OpenCampaigns = Campaigns.OpenCampaignResponse.For(openCampaigns, row, now),
            });
        }

        return new StatusReportResponse(root, now, result.Count, result);
    }

    /// <summary>
    /// The regulation's audit trail, oldest first, and its notices: sent, then scheduled from now on; null when unknown
    /// or outside the caller's reach.
    /// </summary>
    public async Task<RegulationTimelineResponse?> ReadTimelineAsync(ClaimsPrincipal user, string regulationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(regulationId);
        if (await index.FindAsync(regulationId, cancellationToken) is not { } organisationId
            || !await access.CanReachAsync(user, organisationId, cancellationToken)
            || await regulations.GetAsync(organisationId, regulationId, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var organisation = await organisations.GetAsync(organisationId, cancellationToken);
        var regulation = Regulation.FromState(loaded.Value);
        var stage = regulation.Stage;
        List<TimelineEntryResponse> entries = [];
        await foreach (var entry in audit.ReadAsync(regulationId, cancellationToken))
        {
            var record = entry.Record;
            JsonElement? details = record.DetailsJson is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null;
            entries.Add(new TimelineEntryResponse(
                entry.Sequence, entry.At, record.Action, StatusText.AuditAction(record.Action),
                record.ActorId, record.ActorDisplay, record.SubjectIds, details));
        }

        var now = timeProvider.GetUtcNow();
        List<NoticeResponse> notices = [.. (await outlook.SentAsync(regulationId, cancellationToken)).Select(NoticeResponse.Sent)];
        if (organisation is not null)
        {
            notices.AddRange((await outlook.PlanAsync(organisation.Value, regulation, cancellationToken))
                .Where(n => n.At > now)
                .Select(NoticeResponse.Scheduled));
        }

        return new RegulationTimelineResponse(
            regulationId,
            organisationId,
            organisation?.Value.Name ?? organisationId,
            loaded.Value.Title,
            stage,
            RegulationStageText.Label(stage),
            entries,
            notices);
    }

    // Names cost reads only for rows that wait on someone and do not carry the names: the organisation (committee
    // members) for a vote in a row written before names were kept, the regulation and its recipient list for a
    // consultation; the upper level is usually a row of the same subtree.
    private async Task<IReadOnlyList<PendingParty>> ResolvePendingAsync(
        OrganisationStatus row, Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        if (row.PendingIds.Count == 0)
        {
            return [];
        }

        if (row.PendingIds.All(row.PendingNames.ContainsKey))
        {
            // Written with the row (a vote's members): no read.
            return [.. row.PendingIds.Select(id => new PendingParty(id, row.PendingNames[id]))];
        }

        IReadOnlyDictionary<string, string> known = row.Stage switch
        {
            RegulationStage.InVote => await CommitteeNamesAsync(row.OrganisationId, cancellationToken),
            RegulationStage.InConsultation when row.RegulationId is { } regulationId =>
                await RecipientNamesAsync(row.OrganisationId, regulationId, cancellationToken),
            RegulationStage.Filed => await OrganisationNamesAsync(row.PendingIds, names, cancellationToken),
            _ => new Dictionary<string, string>(),
        };
        return [.. row.PendingIds.Select(id => new PendingParty(id, known.GetValueOrDefault(id)))];
    }

    private async Task<IReadOnlyDictionary<string, string>> CommitteeNamesAsync(string organisationId, CancellationToken cancellationToken)
    {
        var organisation = await organisations.GetAsync(organisationId, cancellationToken);
        return organisation?.Value.Committee.Members.ToDictionary(m => m.MemberId, m => m.FullName, StringComparer.Ordinal)
            ?? new Dictionary<string, string>();
    }

    private async Task<IReadOnlyDictionary<string, string>> RecipientNamesAsync(string organisationId, string regulationId, CancellationToken cancellationToken)
    {
        var loaded = await regulations.GetAsync(organisationId, regulationId, cancellationToken);
        if (loaded is null || Regulation.FromState(loaded.Value).ActiveCycle?.CurrentConsultationRoundId is not { } roundId)
        {
            return new Dictionary<string, string>();
        }

        var list = await recipients.ListAsync(regulationId, roundId, cancellationToken);
        return list.ToDictionary(r => r.RecipientId, r => r.Name, StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, string>> OrganisationNamesAsync(
        IReadOnlyList<string> ids, Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        foreach (string id in ids.Where(id => !names.ContainsKey(id)))
        {
            if (await organisations.GetAsync(id, cancellationToken) is { } organisation)
            {
                names[id] = organisation.Value.Name;
            }
        }

        return names;
    }

    private static OrganisationStatusResponse ToResponse(OrganisationStatus row, int depth, IReadOnlyList<PendingParty> pending, DateTimeOffset now) => new(
        row.OrganisationId,
        row.ParentId,
        depth,
        row.Code,
        row.Name,
        row.Type,
        StatusText.OrganisationType(row.Type),
        row.Term.ToString(),
        row.RegulationId,
        row.RegulationNumber,
        row.DraftVersion,
        row.Stage,
        row.StageLabel,
        row.IssuedOn,
        row.FiledAt,
        row.AcknowledgedAt,
        row.LastReviewDate,
        row.NextReviewDue,
        row.Compliance,
        StatusText.Compliance(row.Compliance),
        row.PendingSummary,
        pending,
        row.IsOverdue,
        row.IsMissing,
        row.IsUpperLevelNotified,
        row.RefreshedAt,
        row.NextNoticeAfter(now) is { } next ? NoticeResponse.Scheduled(next) : null,
        row.LastNotice is { } last ? NoticeResponse.Sent(last) : null);
}
