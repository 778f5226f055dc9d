using System.Security.Claims;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.OfficeConsole.UpperLevel;

/// <summary>
/// The regulations filed with the organisations of a person's subtree: those awaiting the upper level's answer, and
/// the latest answered. Found from the status view, one range read over the subtree (<see cref="StatusProjection"/>):
/// an organisation whose current regulation is at <see cref="RegulationStage.Filed"/> awaits an answer, and those
/// filed most recently hold the latest answers; only their regulations and filings are read, never every
/// organisation's rows. A filing of an amendment, while the regulation stays in force, is found by the row's
/// <see cref="OrganisationStatus.IsAmendmentFiled"/>.
/// Reads only; thread-safe.
/// </summary>
public sealed class FilingInbox(
    OrganisationAccess access, OrganisationStore organisations, StatusProjection status, RegulationStore regulations, FilingStore filings,
    AccountStore accounts)
{
    /// <summary>How many organisations filed most recently are looked at for the latest answers.</summary>
    public const int RecentOrganisations = 10;

    /// <summary>
    /// The filings with organisations of <paramref name="user"/>'s subtree (the user's own organisation's filings go to
    /// its upper level and are not among them): awaiting an answer, oldest first; and the latest answered, newest first.
    /// Null when the user's organisation is unknown or out of reach.
    /// </summary>
    public async Task<(IReadOnlyList<FilingInboxEntry> Pending, IReadOnlyList<FilingInboxEntry> Answered)?> ReadAsync(
        ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.GetOrganisationId() is not { } own || await access.ReachablePathAsync(user, own, cancellationToken) is not { } path)
        {
            return null;
        }

        var rows = (await status.QuerySubtreeAtPathAsync(path, cancellationToken: cancellationToken))
            .Where(r => r.Path != path && r.RegulationId is not null)
            .ToList();
        var names = rows.ToDictionary(r => r.OrganisationId, r => r.Name, StringComparer.Ordinal);
        names[own] = (await organisations.GetAsync(own, cancellationToken))?.Value.Name ?? own;
        var read = rows.Where(r => r.Stage == RegulationStage.Filed || r.IsAmendmentFiled)
            .Concat(rows.Where(r => r.FiledAt is not null && r.Stage != RegulationStage.Filed && !r.IsAmendmentFiled).OrderByDescending(r => r.FiledAt).Take(RecentOrganisations));
        List<FilingInboxEntry> entries = [];
        foreach (var row in read)
        {
            if (await regulations.GetAsync(row.OrganisationId, row.RegulationId!, cancellationToken) is not { } regulation)
            {
                continue;
            }

            var organisation = (await organisations.GetAsync(row.OrganisationId, cancellationToken))?.Value;
            await foreach (var filing in filings.ListByRegulationAsync(row.RegulationId!, cancellationToken))
            {
                var issuance = IssuanceOf(regulation.Value, filing.Value);
                // A filing made in the console records the person's account id; one made by an API key, the key's.
                var sentBy = filing.Value.Status == FilingStatus.Sent && Web.IdSyntax.IsValidReference(filing.Value.SentBy)
                    ? (await accounts.GetAsync(filing.Value.SentBy, cancellationToken))?.Value.FullName
                    : null;
                entries.Add(new FilingInboxEntry(filing.Value, row.OrganisationId, row.Name, organisation?.OfficeName ?? row.Name, sentBy,
                    regulation.Value.Title, issuance?.IssueDate, issuance?.Signer.ToString(),
                    names.GetValueOrDefault(filing.Value.UpperLevelOrganisationId) ?? filing.Value.UpperLevelOrganisationId));
            }
        }

        return (
            [.. entries.Where(e => e.Filing.Status == FilingStatus.Sent).OrderBy(e => e.Filing.SentAt)],
            [.. entries.Where(e => e.Filing.Status != FilingStatus.Sent).OrderByDescending(e => e.Filing.RespondedAt).Take(RecentOrganisations)]);
    }

    /// <summary>The issued text a filing sent: the regulation's own, or an amendment's, by its symbol.</summary>
    public static Issuance? IssuanceOf(RegulationState regulation, FilingState filing)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        ArgumentNullException.ThrowIfNull(filing);
        return regulation.Amendments.Select(a => a.Cycle.Issuance).Prepend(regulation.CurrentIssuance)
            .LastOrDefault(i => i is not null && i.Number.Symbol == filing.DocumentSymbol);
    }
}
