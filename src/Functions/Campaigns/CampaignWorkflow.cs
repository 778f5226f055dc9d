using System.Security.Claims;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// The campaign commands, one path for the API and the console: an upper-level office starts a campaign over its own
/// organisation's subtree (or any organisation it reaches), an administrator over any; either closes it early, and the
/// campaign's orchestration closes it at its end date. Each command writes the campaign row, then appends its audit
/// entry to the office organisation's chain once per campaign (<see cref="AuditLog.AppendOnceAsync"/>), so a command
/// retried after a crash between the two completes the audit without repeating it. Closing keeps the final report: the
/// roll-up as of the closing instant, as XLSX in the document store (content-addressed, so a retry stores nothing new),
/// named by <see cref="Campaign.FinalReport"/>. Starting a campaign starts its orchestration (the mail waves, closing at
/// the end date: <see cref="Orchestrations.CampaignOrchestrator"/>) right after the row is written, idempotently, so a
/// retried start neither fails nor starts it twice; closing early wakes it, so it ends at once. Thread-safe.
/// </summary>
public sealed class CampaignWorkflow(
    CampaignStore campaigns,
    CampaignRollUps rollUps,
    DocumentStore documents,
    OrganisationStore organisations,
    OrganisationAccess access,
    AuditLog audit,
    CampaignOrchestrations orchestrations,
    TimeProvider timeProvider)
{
    private const int MaxAttempts = 5;

    /// <summary>Whether <paramref name="user"/> may run campaigns: upper-level offices and administrators.</summary>
    public static bool MayRunCampaigns(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.GetApiRole() is ApiRole.UpperLevelOffice or ApiRole.Administrator;
    }

    /// <summary>
    /// Starts the campaign <paramref name="request"/> describes, or returns it when a campaign with its id and the same
    /// definition exists (a retried request). Null when <paramref name="user"/> may not run campaigns or does not reach
    /// the office organisation (the caller answers 404: "not yours" and "not there" look alike).
    /// </summary>
    /// <exception cref="DomainException">A rule of <see cref="Campaign.Start"/>, or <see cref="RefusalCode.CampaignIdTaken"/>.</exception>
    public Task<Campaign?> StartAsync(ClaimsPrincipal user, Actor actor, StartCampaign request, CancellationToken cancellationToken = default) =>
        StartWithDocumentFileAsync(user, actor, request, null, cancellationToken);

    /// <summary>
    /// <see cref="StartAsync"/> with the directing document's
    /// <paramref name="file"/>: stored in the document store (content-addressed, so the same file sent again stores
    /// nothing new) and named by its content hash as <see cref="DirectingDocument.FileReference"/>. The campaign's rules
    /// are checked first: a refused campaign stores no file.
    /// </summary>
    /// <exception cref="DomainException">
    /// A rule of <see cref="Campaign.Start"/>; <see cref="RefusalCode.CampaignDirectingDocumentIncomplete"/> for a file
    /// without the document's number and date; or <see cref="RefusalCode.CampaignIdTaken"/>.
    /// </exception>
    public async Task<Campaign?> StartWithDocumentFileAsync(ClaimsPrincipal user, Actor actor, StartCampaign request, DirectingDocumentFile? file,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!MayRunCampaigns(user) || await access.ReachablePathAsync(user, request.OfficeOrganisationId, cancellationToken) is not { } path)
        {
            return null;
        }

        var document = request.DirectingDocument;
        if (file is not null)
        {
            document = document is null
                ? throw new DomainException(RefusalCode.CampaignDirectingDocumentIncomplete, "A directing document's file needs its number and date.")
                : document with { FileReference = ContentHash.Of(file.Content.Span).ToString() };
        }

        var campaign = Campaign.Start(request.Id, request.OfficeOrganisationId, request.Title, request.Requirement, request.Deadline,
            timeProvider.GetUtcNow(), request.OrganisationTypes, request.EndsOn, document, request.ReminderDaysBefore);
        if (file is not null)
        {
            await documents.UploadAsync(file.Content, file.FileName, file.ContentType, cancellationToken);
        }

        try
        {
            await campaigns.CreateAsync(campaign, path, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            var existing = (await campaigns.GetAsync(campaign.Id, cancellationToken))?.Value;
            if (existing is null || !SameDefinition(existing, campaign))
            {
                throw new DomainException(RefusalCode.CampaignIdTaken, $"Campaign id '{campaign.Id}' is taken.",
                    new Dictionary<string, string> { ["campaignId"] = campaign.Id });
            }

            campaign = existing;
        }

        if (campaign.State == CampaignState.Open)
        {
            await orchestrations.EnsureStartedAsync(campaign.Id, cancellationToken);
        }

        await AuditAsync(campaign, AuditAction.CampaignStarted, actor, campaign.StartedAt, new
        {
            campaign.Title,
            requirement = campaign.Requirement.Kind.ToString(),
            deadline = campaign.Deadline,
            types = campaign.OrganisationTypes.Select(t => t.ToString()),
            reminderDays = campaign.ReminderDaysBefore,
            document = campaign.DirectingDocument?.Number,
        }, cancellationToken);
        return campaign;
    }

    /// <summary>
    /// The campaign <paramref name="campaignId"/> when <paramref name="user"/> sees it (<see cref="ViewAsync"/>: its own
    /// office, one above it, an administrator, or the office of an organisation it covers), otherwise null.
    /// </summary>
    public async Task<Campaign?> FindAsync(ClaimsPrincipal user, string campaignId, CancellationToken cancellationToken = default) =>
        (await ViewAsync(user, campaignId, cancellationToken))?.Campaign;

    /// <summary>
    /// The campaign <paramref name="campaignId"/> as <paramref name="user"/> sees it, or null when they do not: the
    /// rule of <see cref="ListAsync"/>, one for the list, the page, the API and the exports. An administrator, and a
    /// caller whose organisation is the campaign's office or above it, see it whole; a caller whose organisation is
    /// below the office (covered by the campaign) sees the members of its own subtree.
    /// </summary>
    public async Task<CampaignView?> ViewAsync(ClaimsPrincipal user, string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsCampaignId(campaignId) || (await campaigns.GetAsync(campaignId, cancellationToken))?.Value is not { } campaign
            || await organisations.GetPathAsync(campaign.OfficeOrganisationId, cancellationToken) is not { } officePath)
        {
            return null;
        }

        var (visible, ownPath) = await OwnPathAsync(user, cancellationToken);
        return visible && ScopeOf(ownPath, officePath) is { } scope ? new CampaignView(campaign, officePath, scope) : null;
    }

    /// <summary>
    /// The roll-up of the members <paramref name="view"/> shows (every member, or the covered office's own subtree),
    /// as <see cref="CampaignRollUps.ComputeWithinAsync"/> computes it.
    /// </summary>
    public Task<CampaignRollUp> RollUpAsync(CampaignView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        return rollUps.ComputeWithinAsync(view.Campaign, view.ScopePath, cancellationToken);
    }

    /// <summary>
    /// The campaigns <paramref name="user"/> sees: those run by an office in its subtree and those covering its own
    /// organisation (run above it), latest deadline first; every one for an administrator.
    /// </summary>
    public async Task<IReadOnlyList<Campaign>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (visible, ownPath) = await OwnPathAsync(user, cancellationToken);
        if (!visible)
        {
            return [];
        }

        var all = await campaigns.ListAsync(cancellationToken);
        List<Campaign> seen = [];
        foreach (var campaign in all)
        {
            if (await organisations.GetPathAsync(campaign.OfficeOrganisationId, cancellationToken) is { } officePath && ScopeOf(ownPath, officePath) is not null)
            {
                seen.Add(campaign);
            }
        }

        return [.. seen.OrderByDescending(c => c.Deadline).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Closes the campaign early for its office and wakes its orchestration, which then ends: no wave goes out after
    /// the close. Null when <paramref name="user"/> may not run campaigns or does not reach the campaign's office (an
    /// upper level the campaign covers sees it but may not close it).
    /// </summary>
    /// <exception cref="InvalidTransitionException">The campaign is already closed.</exception>
    public async Task<Campaign?> CloseAsync(ClaimsPrincipal user, Actor actor, string campaignId, string? note, CancellationToken cancellationToken = default)
    {
        if (!MayRunCampaigns(user) || await ViewAsync(user, campaignId, cancellationToken) is not { IsWhole: true })
        {
            return null;
        }

        var closed = await CloseAsync(actor, campaignId, CampaignCloseReason.ClosedByOffice, note, cancellationToken);
        await orchestrations.SignalAsync(campaignId, cancellationToken);
        return closed;
    }

    /// <summary>
    /// Closes the campaign <paramref name="campaignId"/> for <paramref name="reason"/> with no access check (the
    /// campaign's orchestration at its end date). Retried under concurrent changes.
    /// </summary>
    /// <exception cref="InvalidOperationException">No such campaign.</exception>
    /// <exception cref="InvalidTransitionException">The campaign is already closed.</exception>
    public async Task<Campaign> CloseAsync(Actor actor, string campaignId, CampaignCloseReason reason, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        string? path = null;
        for (int attempt = 1; ; attempt++)
        {
            var loaded = await campaigns.GetAsync(campaignId, cancellationToken)
                ?? throw new InvalidOperationException($"Campaign '{campaignId}' does not exist.");

            // Organisations never move: the office's path is read once.
            path ??= await organisations.GetPathAsync(loaded.Value.OfficeOrganisationId, cancellationToken)
                ?? throw new InvalidOperationException($"Organisation '{loaded.Value.OfficeOrganisationId}' does not exist.");
            var closed = loaded.Value.Close(timeProvider.GetUtcNow(), reason, note);
            var report = CampaignExport.Xlsx(await rollUps.ComputeAtAsync(closed, path, cancellationToken));
            var hash = await documents.UploadAsync(report, FinalReportFileName(closed), CampaignExport.XlsxContentType, cancellationToken);
            closed = closed with { FinalReport = hash };
            try
            {
                await campaigns.UpdateAsync(closed, path, loaded.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            await AuditAsync(closed, AuditAction.CampaignClosed, actor, closed.ClosedAt!.Value,
                new { reason = reason.ToString(), note = closed.CloseNote }, cancellationToken);
            return closed;
        }
    }

    /// <summary>The file name of a campaign's final report.</summary>
    public static string FinalReportFileName(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return $"bao-cao-dot-chi-dao-{campaign.Id}.xlsx";
    }

    /// <summary>Whether <paramref name="id"/> can name a campaign: 1..64 ASCII letters, digits, '-', '_' or '.'.</summary>
    public static bool IsCampaignId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Whether the caller may see campaigns at all, and its organisation's path (null for an administrator: every path).</summary>
    private async Task<(bool Visible, string? OwnPath)> OwnPathAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var role = user.GetApiRole();
        if (role is null)
        {
            return (false, null);
        }

        if (role == ApiRole.Administrator)
        {
            return (true, null);
        }

        string? ownPath = user.GetOrganisationId() is { } own ? await organisations.GetPathAsync(own, cancellationToken) : null;
        return (ownPath is not null, ownPath);
    }

    /// <summary>
    /// The one visibility rule: the path whose subtree of members a caller at <paramref name="ownPath"/> (null: an
    /// administrator) sees of a campaign run at <paramref name="officePath"/>, or null. The office itself or one above
    /// it sees every member; an organisation below the office (covered by it) sees its own subtree.
    /// </summary>
    private static string? ScopeOf(string? ownPath, string officePath)
    {
        if (ownPath is null || ownPath == officePath || officePath.StartsWith(ownPath + "|", StringComparison.Ordinal))
        {
            return officePath;
        }

        return ownPath.StartsWith(officePath + "|", StringComparison.Ordinal) ? ownPath : null;
    }

    private Task<AuditLogEntry?> AuditAsync(Campaign campaign, AuditAction action, Actor actor, DateTimeOffset at, object details, CancellationToken cancellationToken) =>
        audit.AppendOnceAsync(campaign.OfficeOrganisationId,
            new AuditRecord(actor.Id, actor.Display, action.Code, [campaign.OfficeOrganisationId, campaign.Id], StateJson.Serialize(details), actor.Origin),
            action.Code + "-" + campaign.Id, at, cancellationToken);

    private static bool SameDefinition(Campaign stored, Campaign asked) =>
        stored.OfficeOrganisationId == asked.OfficeOrganisationId
        && stored.Title == asked.Title
        && stored.Requirement == asked.Requirement
        && stored.Deadline == asked.Deadline
        && stored.EndsOn == asked.EndsOn
        && stored.DirectingDocument == asked.DirectingDocument
        && stored.OrganisationTypes.SequenceEqual(asked.OrganisationTypes)
        && stored.ReminderDaysBefore.SequenceEqual(asked.ReminderDaysBefore);
}
