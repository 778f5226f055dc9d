using System.Security.Claims;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>
/// Reads a regulation's page in two steps of concurrent reads: the organisation's row (which gives its path, so the
/// reader's reach is checked with no further read) and the regulation; then the timeline as the status reports give it
/// (<see cref="StatusReports.ReadTimelineAsync(Domain.Organisations.Organisation, RegulationState, CancellationToken)"/>:
/// the audit trail and the notices) beside each kind of stage object of the regulation, one query per kind
/// (consultation rounds, resolution sheets, recipients' names, vote rounds, filings, reviews) and only the kinds the
/// regulation has reached.
/// </summary>
internal static class RegulationPageReader
{
    /// <summary>The page's data, or null when the regulation is not the organisation's or not within the reader's reach.</summary>
    public static async Task<RegulationPageData?> ReadAsync(ClaimsPrincipal user, string organisationId, string regulationId,
        StatusReports reports, LifecycleStores stores, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var organisationRead = stores.Organisations.GetStoredAsync(organisationId, cancellationToken);
        var regulationRead = stores.Regulations.GetAsync(organisationId, regulationId, cancellationToken);
        await Task.WhenAll(organisationRead, regulationRead);
        if (await organisationRead is not { } stored || !Security.OrganisationAccess.ReachesPath(user, stored.Path)
            || await regulationRead is not { } loaded)
        {
            return null;
        }

        var organisation = stored.Organisation;
        var regulation = Regulation.FromState(loaded.Value);
        DraftingCycle[] cycles = [regulation.InitialCycle, .. regulation.Amendments.Select(a => a.Cycle)];
        bool consulted = cycles.Any(c => c.ConsultationRoundIds.Count > 0);
        bool voted = cycles.Any(c => c.VoteRoundIds.Count > 0);
        var rounds = consulted ? ListAsync(stores.Consultations.ListRoundsAsync(regulationId, cancellationToken)) : Empty<ConsultationRoundState>();
        var sheets = consulted ? ListAsync(stores.Consultations.ListSheetsAsync(regulationId, cancellationToken)) : Empty<ResolutionSheetState>();
        var recipients = consulted
            ? stores.Recipients.ListByRegulationAsync(regulationId, cancellationToken)
            : Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<ConsultationRecipient>>>(new Dictionary<string, IReadOnlyList<ConsultationRecipient>>());
        var votes = voted ? ListAsync(stores.Votes.ListByRegulationAsync(regulationId, cancellationToken)) : Empty<VoteRoundState>();
        var filings = regulation.FilingIds.Count > 0 ? ListAsync(stores.Filings.ListByRegulationAsync(regulationId, cancellationToken)) : Empty<FilingState>();
        var reviews = regulation.CurrentIssuance is not null ? ListAsync(stores.Reviews.ListByRegulationAsync(regulationId, cancellationToken)) : Empty<PeriodicReviewState>();
        var timelineRead = reports.ReadTimelineAsync(organisation, loaded.Value, cancellationToken);
        await Task.WhenAll(timelineRead, rounds, sheets, recipients, votes, filings, reviews);

        var now = timeProvider.GetUtcNow();
        var sheetsByRound = (await sheets).ToDictionary(s => s.ConsultationRoundId, StringComparer.Ordinal);
        var cycle = regulation.ActiveCycle;
        var currentRound = (await rounds).FirstOrDefault(r => r.Id == cycle?.CurrentConsultationRoundId);
        var currentVote = (await votes).FirstOrDefault(v => v.Id == cycle?.CurrentVoteRoundId);
        var next = RegulationNextSteps.For(organisationId, regulation, currentRound,
            cycle?.CurrentConsultationRoundId is { } roundId ? sheetsByRound.GetValueOrDefault(roundId) : null, currentVote, now);
        return new RegulationPageData(organisation, regulation, await timelineRead,
            [.. (await rounds).OrderBy(r => r.OpenedAt)], sheetsByRound, await recipients,
            [.. (await votes).OrderBy(v => v.OpenedAt)], [.. (await filings).OrderBy(f => f.SentAt)], [.. (await reviews).OrderBy(r => r.DueDate)],
            next, now);
    }

    private static async Task<IReadOnlyList<T>> ListAsync<T>(IAsyncEnumerable<Loaded<T>> rows)
    {
        List<T> list = [];
        await foreach (var row in rows)
        {
            list.Add(row.Value);
        }

        return list;
    }

    private static Task<IReadOnlyList<T>> Empty<T>() => Task.FromResult<IReadOnlyList<T>>([]);
}
