using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// A regulation's notices as the status view and the timeline show them: the ones sent (from the
/// <see cref="NoticeLedger"/>) and the ones its waiting stages will send (<see cref="NoticeSchedule"/> over the
/// stored state). Reads only; thread-safe.
/// </summary>
public sealed class NoticeOutlook(
    OrganisationStore organisations,
    ConsultationStore consultations,
    ConsultationRecipientStore recipients,
    VoteRoundStore votes,
    FilingStore filings,
    ReviewStore reviews,
    NoticeLedger ledger,
    PublicHolidayCalendar calendar)
{
    /// <summary>
    /// Every planned notice of the stages of <paramref name="regulation"/> that are waiting now (an open consultation or
    /// vote round, an unanswered filing, the review due), past instants included, in time order.
    /// </summary>
    public async Task<IReadOnlyList<NoticeSummary>> PlanAsync(Organisation organisation, Regulation regulation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(regulation);
        List<NoticeSummary> plan = [];
        var cycle = regulation.ActiveCycle;
        if (cycle?.Stage == DraftingStage.InConsultation && cycle.CurrentConsultationRoundId is { } consultationId
            && await consultations.GetRoundAsync(regulation.Id, consultationId, cancellationToken) is { } consultation)
        {
            var names = (await recipients.ListAsync(regulation.Id, consultationId, cancellationToken))
                .ToDictionary(r => r.RecipientId, r => r.Name, StringComparer.Ordinal);
            plan.AddRange(NoticeSchedule.ForConsultation(ConsultationRound.FromState(consultation.Value), names, calendar));
        }

        if (cycle?.Stage == DraftingStage.InVote && cycle.CurrentVoteRoundId is { } voteId
            && await votes.GetAsync(regulation.Id, voteId, cancellationToken) is { } vote)
        {
            plan.AddRange(NoticeSchedule.ForVote(VoteRound.FromState(vote.Value), organisation, calendar));
        }

        if (regulation.FilingId is { } filingId
            && await filings.GetAsync(regulation.Id, filingId, cancellationToken) is { } stored
            && stored.Value.Status == FilingStatus.Sent
            && await organisations.GetAsync(stored.Value.UpperLevelOrganisationId, cancellationToken) is { } filedWith)
        {
            plan.AddRange(NoticeSchedule.ForFiling(Filing.FromState(stored.Value), filedWith.Value, calendar));
        }

        // The review cycle's own test (ReadReviewCycleActivity): the regulation in force, its review not yet recorded.
        if (regulation.NextReviewDue is { } due && regulation.HasTextInForce
            && await reviews.GetAsync(regulation.Id, ReviewIds.For(due), cancellationToken) is not { Value.Status: not PeriodicReviewStatus.Scheduled })
        {
            var upperLevel = organisation.ParentId is { } parentId ? (await organisations.GetAsync(parentId, cancellationToken))?.Value : null;
            plan.AddRange(NoticeSchedule.ForReview(regulation.ReviewSchedule, due, organisation, upperLevel, calendar));
        }

        return [.. plan.OrderBy(n => n.At)];
    }

    /// <summary>
    /// The notices sent about <paramref name="regulationId"/>, one per kind and due instant (a reminder that went
    /// to three members is one), dated when the last of them went out, in time order.
    /// </summary>
    public async Task<IReadOnlyList<NoticeSummary>> SentAsync(string regulationId, CancellationToken cancellationToken = default)
    {
        var sent = await ledger.ListAsync(regulationId, cancellationToken);
        return [.. sent
            .GroupBy(n => (n.Kind, n.ScheduledFor))
            .Select(g => new NoticeSummary(
                g.Key.Kind,
                g.Max(n => n.SentAt),
                [.. g.OrderBy(n => n.SentAt).Select(n => n.ToName ?? n.To).Distinct(StringComparer.Ordinal)]))
            .OrderBy(n => n.At)
            .ThenBy(n => n.Kind)];
    }
}
