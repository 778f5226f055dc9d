using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>
/// Reads the home page of one organisation: the organisation, its status row (compliance, what it waits for) and its
/// regulations (one partition), then for each regulation still alive only the stage object its next step depends
/// on: the current round or sheet, the current vote round, the latest filing.
/// </summary>
internal static class HomeReader
{
    /// <summary>A review due within this many days is listed.</summary>
    public const int ReviewHorizonDays = 30;

    public static async Task<HomeOrganisation?> ReadAsync(string organisationId, LifecycleStores stores, StatusProjection projection,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await stores.Organisations.GetStoredAsync(organisationId, cancellationToken) is not { } stored)
        {
            return null;
        }

        var statusRead = projection.GetAtPathAsync(stored.Path, cancellationToken);
        List<Regulation> regulations = [];
        await foreach (var loaded in stores.Regulations.ListByOrganisationAsync(organisationId, cancellationToken))
        {
            regulations.Add(Regulation.FromState(loaded.Value));
        }

        var now = timeProvider.GetUtcNow();
        var alive = regulations.Where(r => r.Stage is not (RegulationStage.Superseded or RegulationStage.Repealed))
            .OrderByDescending(r => r.Term).ThenByDescending(r => r.CreatedAt).ToList();
        var items = await Task.WhenAll(alive.Select(r => ReadRegulationAsync(organisationId, r, stores, now, cancellationToken)));
        var status = await statusRead;
        bool missing = status is not null
            ? status.Compliance == ComplianceStatus.Missing
            : RegulationCompliance.Evaluate(stored.Organisation, regulations, now).Status == ComplianceStatus.Missing;
        return new HomeOrganisation(stored.Organisation, items, missing, status?.PendingSummary);
    }

    private static async Task<HomeRegulation> ReadRegulationAsync(string organisationId, Regulation regulation, LifecycleStores stores,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cycle = regulation.ActiveCycle;
        ConsultationRoundState? round = null;
        ResolutionSheetState? sheet = null;
        VoteRoundState? vote = null;
        FilingState? filing = null;
        if (cycle?.Stage == DraftingStage.InConsultation && cycle.CurrentConsultationRoundId is { } roundId)
        {
            round = (await stores.Consultations.GetRoundAsync(regulation.Id, roundId, cancellationToken))?.Value;
        }
        else if (cycle?.Stage == DraftingStage.Resolving && cycle.CurrentConsultationRoundId is { } sheetId)
        {
            sheet = (await stores.Consultations.GetSheetAsync(regulation.Id, sheetId, cancellationToken))?.Value;
        }
        else if (cycle?.Stage == DraftingStage.InVote && cycle.CurrentVoteRoundId is { } voteId)
        {
            vote = (await stores.Votes.GetAsync(regulation.Id, voteId, cancellationToken))?.Value;
        }

        if (regulation.FilingIds is [.., var lastFiling])
        {
            filing = (await stores.Filings.GetAsync(regulation.Id, lastFiling, cancellationToken))?.Value;
        }

        var next = RegulationNextSteps.For(organisationId, regulation, round, sheet, vote, now);
        var today = VietnamTime.DateOf(now);
        string? reviewDue = regulation.NextReviewDue is { } due && due <= today.AddDays(ReviewHorizonDays)
            ? "ngày " + VietnamTime.FormatDate(due)
            : null;
        return new HomeRegulation(
            regulation.Id,
            regulation.Title,
            regulation.Term.ToString(),
            RegulationStageText.Label(regulation.Stage),
            next,
            sheet is null ? 0 : RegulationNextSteps.UnresolvedCount(sheet),
            vote is not null && RegulationNextSteps.IsPastDeadline(vote, now) ? VietnamTime.FormatTimeOnDate(vote.Deadline) : null,
            filing is { Status: FilingStatus.Returned } ? filing : null,
            reviewDue,
            regulation.NextReviewDue is { } d && d < today);
    }
}
