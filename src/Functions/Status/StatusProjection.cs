using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// The status view's rows, one per organisation, recomputed from the stores after each change and read by
/// upper-level offices one subtree at a time.
/// <para>
/// Table <c>status</c>: PK = the root organisation's id (the whole tree is one partition), RK = the materialized
/// path of ids joined by '|' ("root|bloc|base|cell"; table keys cannot hold '/'). The subtree of an organisation
/// with path p is the row p plus the range RK ≥ "p|" and RK &lt; "p}" ('}' is the character after '|'): exactly
/// the keys that start with "p|", so one range query on one partition returns the subtree and never a sibling's
/// rows (ids contain no '|'; a sibling "p-2" or "p2" differs before that point). Columns hold the roll-up fields
/// of <see cref="OrganisationStatus"/>. Reading a subtree costs one point read (the organisation's path) plus
/// one request per 1,000 rows.
/// </para>
/// <para>
/// A draft in consultation or in the vote that is still the previous term's issued text or the model unchanged
/// (<see cref="DraftSources.UnchangedFrom"/>) puts that warning before the pending summary.
/// </para>
/// <para>
/// The row also carries the regulation's notices (<see cref="Lifecycle.NoticeOutlook"/>): the last one sent and those
/// still to come at the refresh, so a reader shows the first of them after its own now. The lifecycle refreshes the
/// row whenever it sends notices.
/// </para>
/// <para>
/// Organisations never move (<see cref="OrganisationStore.UpdateAsync(QuyCheWorkflow.Domain.Organisations.Organisation, Azure.ETag, CancellationToken)"/> rejects a parent change), so a row's
/// key is stable. A refresh reads the row's ETag before it reads the canonical stores and writes under it
/// (If-Match, or an insert when there is no row): a refresh that computed from older state than a write made
/// meanwhile is refused and computes again, so the row always ends as computed after the last change, even when
/// two ballots of one committee are refreshed at the same moment.
/// </para>
/// </summary>
public sealed partial class StatusProjection(
    StateTables tables,
    OrganisationStore organisations,
    RegulationStore regulations,
    VoteRoundStore votes,
    ConsultationStore consultations,
    FilingStore filings,
    Lifecycle.NoticeLedger notices,
    Lifecycle.NoticeOutlook outlook,
    Lifecycle.ConsultationRecipientStore recipients,
    TimeProvider timeProvider,
    Quality.RegulationQuality? quality = null)
{
    public const string TableName = "status";

    private const int MaxRefreshAttempts = 16;

    /// <summary>Recomputes the row of <paramref name="organisationId"/> from the stores and saves it.</summary>
    /// <exception cref="InvalidOperationException">The organisation does not exist.</exception>
    public async Task<OrganisationStatus> RefreshAsync(string organisationId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        for (int attempt = 1; ; attempt++)
        {
            var stored = await organisations.GetStoredAsync(organisationId, cancellationToken)
                ?? throw new InvalidOperationException($"Organisation '{organisationId}' does not exist.");
            var row = await table.GetEntityIfExistsAsync<TableEntity>(stored.Path.Split('|')[0], stored.Path, cancellationToken: cancellationToken);
            var current = row.HasValue ? row.Value : null;
            List<Regulation> ofOrganisation = [];
            await foreach (var loaded in regulations.ListByOrganisationAsync(organisationId, cancellationToken))
            {
                ofOrganisation.Add(Regulation.FromState(loaded.Value));
            }

            var status = await ComputeAsync(stored.Organisation, stored.Path, ofOrganisation, cancellationToken);
            if (current is not null && SameRow(status, current))
            {
                // Nothing to write: the row already says this (another refresh that read after this one's change
                // wrote it, or nothing changed). Ends a race of many refreshes after one round of writes.
                return status;
            }

            try
            {
                var written = current is null
                    ? await table.AddEntityAsync(ToEntity(status), cancellationToken)
                    : await table.UpdateEntityAsync(ToEntity(status), current.ETag, TableUpdateMode.Replace, cancellationToken);
                Remember(status, current?.ETag, written.Headers.ETag);
                return status;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxRefreshAttempts)
            {
                // Another refresh wrote since this one read the row: compute again from what is stored now.
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                throw new ConcurrencyConflictException($"The status row of '{organisationId}' kept changing during {MaxRefreshAttempts} refreshes.", exception);
            }
        }
    }

    /// <summary>
    /// The rows of <paramref name="organisationId"/> and all its descendants (never a sibling's), in path order,
    /// that pass <paramref name="filter"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The organisation does not exist.</exception>
    public async Task<IReadOnlyList<OrganisationStatus>> QuerySubtreeAsync(string organisationId, StatusFilter? filter = null, CancellationToken cancellationToken = default)
    {
        string path = await organisations.GetPathAsync(organisationId, cancellationToken)
            ?? throw new InvalidOperationException($"Organisation '{organisationId}' does not exist.");
        return await QuerySubtreeAtPathAsync(path, filter, cancellationToken);
    }

    /// <summary>The row of the organisation at <paramref name="path"/> alone (one point read), or null before its first refresh.</summary>
    public async Task<OrganisationStatus?> GetAtPathAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(path.Split('|')[0], path, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? FromEntity(entity) : null;
    }

    /// <summary>
    /// <see cref="QuerySubtreeAsync"/> for a caller that already read the organisation's materialized path
    /// (<see cref="OrganisationStore.GetPathAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<OrganisationStatus>> QuerySubtreeAtPathAsync(string path, StatusFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string root = path.Split('|')[0];
        string query = TableClient.CreateQueryFilter($"PartitionKey eq {root} and (RowKey eq {path} or (RowKey ge {path + "|"} and RowKey lt {path + "}"}))");
        if (filter?.OnlyOverdue == true)
        {
            query += " and IsOverdue eq true";
        }

        if (filter?.OnlyMissing == true)
        {
            query += " and IsMissing eq true";
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        List<OrganisationStatus> rows = [];
        await foreach (var page in table.QueryAsync<TableEntity>(query, maxPerPage: 1000, cancellationToken: cancellationToken).AsPages())
        {
            rows.AddRange(page.Values.Select(FromEntity));
        }

        return rows;
    }

    /// <summary>
    /// The rows whose paths lie from <paramref name="firstPath"/> to <paramref name="lastPath"/> (inclusive, ordinal;
    /// both in one tree), in path order: one range query of the tree's partition, a request per 1,000 rows. A range
    /// between two rows of one subtree holds only rows of that subtree.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationStatus>> QueryPathRangeAsync(string firstPath, string lastPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(firstPath);
        ArgumentException.ThrowIfNullOrEmpty(lastPath);
        string root = firstPath.Split('|')[0];
        var table = await tables.GetAsync(TableName, cancellationToken);
        List<OrganisationStatus> rows = [];
        await foreach (var page in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {root} and RowKey ge {firstPath} and RowKey le {lastPath}"), maxPerPage: 1000, cancellationToken: cancellationToken).AsPages())
        {
            rows.AddRange(page.Values.Select(FromEntity));
        }

        return rows;
    }

    private async Task<OrganisationStatus> ComputeAsync(Organisation organisation, string path, List<Regulation> ofOrganisation, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var compliance = RegulationCompliance.Evaluate(organisation, ofOrganisation, now);
        var current = ofOrganisation.FirstOrDefault(r => r.Id == compliance.RegulationId);
        var pending = current is null ? null : await PendingAsync(current, cancellationToken);
        string? pendingSummary = pending?.Summary;
        if (current is not null && DraftSources.UnchangedFrom(current, ofOrganisation) is { } unchangedFrom)
        {
            // Shown, not refused: a clerk may keep the text on purpose, but the upper level should see it. First,
            // because pages append the pending parties' names to the summary.
            string warning = DraftSources.UnchangedWarning(unchangedFrom);
            pendingSummary = pendingSummary is null ? warning : warning + "; " + pendingSummary;
        }

        (DateTimeOffset? filedAt, DateTimeOffset? acknowledgedAt) = current?.FilingId is { } filingId
            ? await FilingDatesAsync(current.Id, filingId, cancellationToken)
            : (null, null);
        bool overdue = compliance.Status == ComplianceStatus.ReviewOverdue;
        // Said only once the upper level's overdue notice was accepted by the mail service (recorded in the ledger);
        // before its day it cannot have gone out, so the ledger is read only from then on.
        bool upperLevelNotified = overdue
            && compliance.NextReviewDue is { } due
            && VietnamTime.DateOf(now) >= due.AddDays(OverdueEscalationPolicy.Default.GraceDays)
            && current is not null
            && await notices.AnySentAsync(current.Id, Lifecycle.NoticeKind.ReviewOverdueToUpperLevel, Lifecycle.ReviewIds.For(due), cancellationToken);
        IReadOnlyList<Lifecycle.NoticeSummary> upcoming = current is null
            ? []
            : [.. (await outlook.PlanAsync(organisation, current, cancellationToken)).Where(n => n.At > now)];
        var lastSent = current is not null && await outlook.SentAsync(current.Id, cancellationToken) is [.., var latest] ? latest : null;
        // Returned by the upper level and not yet sent again: the amendment the return started is still being
        // drafted or issued, not filed.
        bool returned = current?.ActiveAmendment is { Reason: AmendmentReason.ReturnedByUpperLevel, Status: AmendmentStatus.InProgress or AmendmentStatus.Issued };
        bool amendmentFiled = current?.ActiveAmendment is { Status: AmendmentStatus.Filed };
        var (likeness, lastConsultation) = current is null ? (null, null) : await QualityAsync(organisation, ofOrganisation, current, cancellationToken);

        return new OrganisationStatus(
            organisation.Id,
            path,
            organisation.ParentId,
            organisation.Code.Value,
            organisation.Name,
            organisation.Type,
            organisation.CurrentTerm,
            current?.Id,
            current?.CurrentIssuance?.Number.Symbol,
            current?.ActiveCycle?.LatestDraft?.Number ?? current?.InitialCycle.LatestDraft?.Number,
            current?.Stage,
            current is null ? NoRegulationLabel : RegulationStageText.Label(current.Stage),
            current?.CurrentIssuance?.IssueDate,
            filedAt,
            acknowledgedAt,
            current?.LastReviewDate,
            current?.NextReviewDue,
            compliance.Status,
            pendingSummary,
            pending?.Ids ?? [],
            overdue,
            compliance.IsMissing,
            upperLevelNotified,
            now,
            pending?.Names ?? new Dictionary<string, string>(StringComparer.Ordinal),
            upcoming,
            lastSent,
            returned,
            amendmentFiled)
        {
            Likeness = likeness,
            LastConsultation = lastConsultation,
            Origin = current?.InitialCycle.Drafts is [var first, ..] ? first.Origin : null,
            IsAmendment = current?.CurrentIssuance is { } inForce ? inForce != current.InitialCycle.Issuance : null,
        };
    }

    private async Task<(string Summary, IReadOnlyList<string> Ids, IReadOnlyDictionary<string, string>? Names)?> PendingAsync(
        Regulation regulation, CancellationToken cancellationToken)
    {
        var cycle = regulation.ActiveCycle;
        switch (regulation.Stage)
        {
            case RegulationStage.InVote when cycle?.CurrentVoteRoundId is { } roundId:
                var vote = await votes.GetAsync(regulation.Id, roundId, cancellationToken);
                if (vote is null)
                {
                    return null;
                }

                var round = VoteRound.FromState(vote.Value);
                var due = round.MembersStillDue;
                return ($"{due.Count}/{round.Members.Count} phiếu biểu quyết", [.. due.Select(m => m.MemberId)],
                    due.ToDictionary(m => m.MemberId, m => m.FullName, StringComparer.Ordinal));

            case RegulationStage.InConsultation when cycle?.CurrentConsultationRoundId is { } consultationId:
                var consultation = await consultations.GetRoundAsync(regulation.Id, consultationId, cancellationToken);
                if (consultation is null)
                {
                    return null;
                }

                var stillDue = ConsultationRound.FromState(consultation.Value).RecipientsStillDue;
                // Kept with the row, as a vote's members are, so a page of the dashboard reads no recipient list.
                IReadOnlyList<Lifecycle.ConsultationRecipient> named = stillDue.Count == 0
                    ? []
                    : await recipients.ListAsync(regulation.Id, consultationId, cancellationToken);
                return ($"{stillDue.Count}/{consultation.Value.Recipients.Count} ý kiến góp ý", stillDue,
                    named.Where(r => stillDue.Contains(r.RecipientId)).ToDictionary(r => r.RecipientId, r => r.Name, StringComparer.Ordinal));

            case RegulationStage.Filed when regulation.FilingId is { } filingId:
                var filing = await filings.GetAsync(regulation.Id, filingId, cancellationToken);
                return filing is null ? null : ("cấp trên tiếp nhận", [filing.Value.UpperLevelOrganisationId], null);

            default:
                return null;
        }
    }

    private async Task<(DateTimeOffset?, DateTimeOffset?)> FilingDatesAsync(string regulationId, string filingId, CancellationToken cancellationToken)
    {
        var filing = await filings.GetAsync(regulationId, filingId, cancellationToken);
        return filing is null
            ? (null, null)
            : (filing.Value.SentAt, filing.Value.Status == FilingStatus.Acknowledged ? filing.Value.RespondedAt : null);
    }
}
