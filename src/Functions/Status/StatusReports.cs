using System.Security.Claims;
using System.Text.Json;
using QuyCheWorkflow.Domain.Organisations;
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
    /// The roll-up of <see cref="StatusQuery.OrganisationId"/> (default: the caller's organisation) filtered, ordered
    /// and paged by <paramref name="query"/>; null when that organisation does not exist or is outside the caller's
    /// reach, so the two cannot be told apart. Reads the organisation's path (one request) and the tree's status rows
    /// through <see cref="StatusProjection.ReadTreeAsync"/> (kept for a few seconds); only the rows of the page
    /// returned have their pending parties resolved to names, and only rows written without them cost reads.
    /// A page past the last one is empty.
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
        var tree = await projection.ReadTreeAsync(path.Split('|')[0], cancellationToken);
        var subtree = tree.Subtree(path);
        int rootDepth = path.Count(c => c == '|');
        var names = subtree.ToDictionary(r => r.OrganisationId, r => r.Name, StringComparer.Ordinal);
        var matching = StatusOrder.Apply(subtree.Where(query.Matches), query.Sort, query.Descending, now);
        int? pageCount = query.Page is null ? null : Math.Max(1, (matching.Count + query.PageSize - 1) / query.PageSize);
        var shown = query.Page is { } page
            ? matching.Skip((int)Math.Min((long)(page - 1) * query.PageSize, int.MaxValue)).Take(query.PageSize)
            : matching;
        List<OrganisationStatusResponse> result = [];
        var openCampaigns = campaigns is null ? [] : (await campaigns.ListAsync(cancellationToken)).Where(c => c.State == Domain.Campaigns.CampaignState.Open).ToList();
        foreach (var row in shown)
        {
            var pending = await ResolvePendingAsync(row, names, cancellationToken);
            result.Add(ToResponse(row, row.Path.Count(c => c == '|') - rootDepth, pending, now) with
            {
                OpenCampaigns = Campaigns.OpenCampaignResponse.For(openCampaigns, row, now),
            });
        }

        return new StatusReportResponse(
            root, now, matching.Count, result, names.GetValueOrDefault(root, root),
            query.Page, query.Page is null ? null : query.PageSize, pageCount, Count(subtree));
    }

    /// <summary>
    /// The organisations at and below the caller's own whose subtree can be chosen on the dashboard: the caller's
    /// organisation and every one below it that has organisations below it, in tree order with their depth below
    /// the caller's. Empty when the caller has no organisation or it is unknown.
    /// </summary>
    public async Task<IReadOnlyList<(string Id, string Name, int Depth)>> ReadScopesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.GetOrganisationId() is not { } own || await access.ReachablePathAsync(user, own, cancellationToken) is not { } path)
        {
            return [];
        }

        var subtree = (await projection.ReadTreeAsync(path.Split('|')[0], cancellationToken)).Subtree(path);
        var parents = subtree.Select(r => r.ParentId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        int depth = path.Count(c => c == '|');
        return [.. subtree
            .Where(r => r.OrganisationId == own || parents.Contains(r.OrganisationId))
            .Select(r => (r.OrganisationId, r.Name, r.Path.Count(c => c == '|') - depth))];
    }

    // Each problem is counted by the filter its count's link applies, so the two never disagree.
    private static StatusCountsResponse Count(IReadOnlyList<OrganisationStatus> rows) => new(
        rows.Count,
        rows.GroupBy(r => r.Stage?.ToString() ?? StatusQuery.NoStage)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        rows.Count((StatusQuery.Everything with { Missing = true }).Matches),
        rows.Count((StatusQuery.Everything with { Overdue = true }).Matches),
        rows.Count((StatusQuery.Everything with { Returned = true }).Matches),
        rows.Count((StatusQuery.Everything with { Copied = true }).Matches),
        rows.Count((StatusQuery.Everything with { FormalConsultation = true }).Matches));

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
        return await TimelineOfAsync(organisationId, organisation?.Value, loaded.Value, cancellationToken);
    }

    /// <summary>
    /// <see cref="ReadTimelineAsync(ClaimsPrincipal, string, CancellationToken)"/> for a caller that has read the
    /// organisation and its regulation and checked the reader's reach itself: the audit trail and the notices only.
    /// </summary>
    public Task<RegulationTimelineResponse> ReadTimelineAsync(Organisation organisation, RegulationState regulation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(regulation);
        return TimelineOfAsync(organisation.Id, organisation, regulation, cancellationToken);
    }

    private async Task<RegulationTimelineResponse> TimelineOfAsync(string organisationId, Organisation? organisation, RegulationState state,
        CancellationToken cancellationToken)
    {
        string regulationId = state.Id;
        var regulation = Regulation.FromState(state);
        var stage = regulation.Stage;
        var entriesRead = ReadEntriesAsync(regulationId, cancellationToken);
        var sentRead = outlook.SentAsync(regulationId, cancellationToken);
        var planRead = organisation is null ? Task.FromResult<IReadOnlyList<NoticeSummary>>([]) : outlook.PlanAsync(organisation, regulation, cancellationToken);
        await Task.WhenAll(entriesRead, sentRead, planRead);

        var now = timeProvider.GetUtcNow();
        List<NoticeResponse> notices = [.. (await sentRead).Select(NoticeResponse.Sent)];
        notices.AddRange((await planRead).Where(n => n.At > now).Select(NoticeResponse.Scheduled));
        return new RegulationTimelineResponse(
            regulationId,
            organisationId,
            organisation?.Name ?? organisationId,
            state.Title,
            stage,
            RegulationStageText.Label(stage),
            await entriesRead,
            notices);
    }

    private async Task<List<TimelineEntryResponse>> ReadEntriesAsync(string regulationId, CancellationToken cancellationToken)
    {
        List<TimelineEntryResponse> entries = [];
        await foreach (var entry in audit.ReadAsync(regulationId, cancellationToken))
        {
            var record = entry.Record;
            JsonElement? details = record.DetailsJson is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null;
            entries.Add(new TimelineEntryResponse(
                entry.Sequence, entry.At, record.Action, StatusText.AuditAction(record.Action),
                record.ActorId, record.ActorDisplay, record.SubjectIds, details));
        }

        return entries;
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
        row.LastNotice is { } last ? NoticeResponse.Sent(last) : null,
        row.IsReturned)
    {
        Likeness = row.Likeness,
        IsCopiedFromPreviousTerm = row.IsCopiedFromPreviousTerm,
        LastConsultation = row.LastConsultation,
        IsConsultationFormal = row.IsConsultationFormal,
    };
}
