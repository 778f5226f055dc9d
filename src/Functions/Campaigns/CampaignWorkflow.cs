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
    public async Task<Campaign?> StartAsync(ClaimsPrincipal user, Actor actor, StartCampaign request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!MayRunCampaigns(user) || await access.ReachablePathAsync(user, request.OfficeOrganisationId, cancellationToken) is not { } path)
        {
            return null;
        }

        var campaign = Campaign.Start(request.Id, request.OfficeOrganisationId, request.Title, request.Requirement, request.Deadline,
            timeProvider.GetUtcNow(), request.OrganisationTypes, request.EndsOn, request.DirectingDocument, request.ReminderDaysBefore);
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
    /// The campaign <paramref name="campaignId"/> when <paramref name="user"/> reaches its office organisation (the
    /// office itself, one above it, or an administrator), otherwise null.
    /// </summary>
    public async Task<Campaign?> FindAsync(ClaimsPrincipal user, string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsCampaignId(campaignId) || (await campaigns.GetAsync(campaignId, cancellationToken))?.Value is not { } campaign)
        {
            return null;
        }

        return await access.CanReachAsync(user, campaign.OfficeOrganisationId, cancellationToken) ? campaign : null;
    }

    /// <summary>
    /// The campaigns <paramref name="user"/> sees: those run by an office in its subtree and those covering its own
    /// organisation (run above it), latest deadline first; every one for an administrator.
    /// </summary>
    public async Task<IReadOnlyList<Campaign>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var all = await campaigns.ListAsync(cancellationToken);
        var role = user.GetApiRole();
        if (role is null)
        {
            return [];
        }

        string? ownPath = role == ApiRole.Administrator || user.GetOrganisationId() is not { } own
            ? null
            : await organisations.GetPathAsync(own, cancellationToken);
        if (role != ApiRole.Administrator && ownPath is null)
        {
            return [];
        }

        List<Campaign> visible = [];
        foreach (var campaign in all)
        {
            if (ownPath is null || await CoversOrBelowAsync(campaign, ownPath, cancellationToken))
            {
                visible.Add(campaign);
            }
        }

        return [.. visible.OrderByDescending(c => c.Deadline).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Closes the campaign early for its office and wakes its orchestration, which then ends: no wave goes out after
    /// the close. Null when <paramref name="user"/> may not run campaigns or does not reach the campaign's office.
    /// </summary>
    /// <exception cref="InvalidTransitionException">The campaign is already closed.</exception>
    public async Task<Campaign?> CloseAsync(ClaimsPrincipal user, Actor actor, string campaignId, string? note, CancellationToken cancellationToken = default)
    {
        if (!MayRunCampaigns(user) || await FindAsync(user, campaignId, cancellationToken) is null)
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
        for (int attempt = 1; ; attempt++)
        {
            var loaded = await campaigns.GetAsync(campaignId, cancellationToken)
                ?? throw new InvalidOperationException($"Campaign '{campaignId}' does not exist.");
            var closed = loaded.Value.Close(timeProvider.GetUtcNow(), reason, note);
            var report = CampaignExport.Xlsx(await rollUps.ComputeAsync(closed, cancellationToken));
            var hash = await documents.UploadAsync(report, FinalReportFileName(closed), CampaignExport.XlsxContentType, cancellationToken);
            closed = closed with { FinalReport = hash };
            string path = await organisations.GetPathAsync(closed.OfficeOrganisationId, cancellationToken) ?? closed.OfficeOrganisationId;
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

    private async Task<bool> CoversOrBelowAsync(Campaign campaign, string ownPath, CancellationToken cancellationToken)
    {
        string? officePath = await organisations.GetPathAsync(campaign.OfficeOrganisationId, cancellationToken);
        if (officePath is null)
        {
            return false;
        }

        // Run by an office in the caller's subtree, or by one above the caller (so it covers the caller).
        return officePath == ownPath
            || officePath.StartsWith(ownPath + "|", StringComparison.Ordinal)
            || ownPath.StartsWith(officePath + "|", StringComparison.Ordinal);
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
