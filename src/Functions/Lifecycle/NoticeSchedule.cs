using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Reviews;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// When the lifecycle's timed notices go out, and to whom: the one plan read by the orchestrations (their read
/// activities take the instants they wait for from here) and by the status view and a regulation's timeline, so
/// what is shown as scheduled is what the orchestrations will send. Pure: stored state and the calendar in, the
/// plan out, with every instant of the stage (a caller showing what is still to come keeps those after its now).
/// <para>
/// Notices sent on an event rather than at an instant (invitations, vote requests, a result, the filing notice, a
/// return) are not planned: they go out when the event happens. A planned notice goes out only if its stage still
/// waits at that instant (a round still open, a filing not answered, a review not recorded), to whoever is then
/// still due; the plan names those due now.
/// </para>
/// </summary>
public static class NoticeSchedule
{
    /// <summary>Reminder instants of a consultation round (<see cref="DeadlineReminderPolicy.Default"/>).</summary>
    public static IReadOnlyList<DateTimeOffset> ConsultationReminders(DateTimeOffset openedAt, DateTimeOffset deadline, PublicHolidayCalendar calendar) =>
        DeadlineReminderPolicy.Default.Schedule(openedAt, deadline, calendar);

    /// <summary>Reminder instants of a vote round (<see cref="DeadlineReminderPolicy.Default"/>); its deadline is its own instant.</summary>
    public static IReadOnlyList<DateTimeOffset> VoteReminders(DateTimeOffset openedAt, DateTimeOffset deadline, PublicHolidayCalendar calendar) =>
        DeadlineReminderPolicy.Default.Schedule(openedAt, deadline, calendar);

    /// <summary>Reminder instants of a filing (<see cref="FilingReminderPolicy.Default"/>); none once it is answered.</summary>
    public static IReadOnlyList<DateTimeOffset> FilingReminders(Filing filing, PublicHolidayCalendar calendar) =>
        FilingReminderPolicy.Default.Schedule(filing, calendar);

    /// <summary>
    /// The notices of a review due on <paramref name="due"/>, in time order: the reminders of the regulation's
    /// <paramref name="schedule"/> and the overdue notices of <see cref="OverdueEscalationPolicy.Default"/>.
    /// </summary>
    public static IReadOnlyList<ReviewNoticeSlot> ReviewNotices(ReviewSchedule schedule, DateOnly due, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        List<ReviewNoticeSlot> notices = [.. schedule.ReminderInstants(due, calendar).Select(at => new ReviewNoticeSlot(at, NoticeKind.ReviewReminder))];
        notices.AddRange(OverdueEscalationPolicy.Default.Notices(due, calendar).Select(n => new ReviewNoticeSlot(
            n.At, n.Audience == OverdueAudience.Organisation ? NoticeKind.ReviewOverdueToOrganisation : NoticeKind.ReviewOverdueToUpperLevel)));
        return [.. notices.OrderBy(n => n.At)];
    }

    /// <summary>An open round's reminders to the recipients who have not answered (names from <paramref name="recipientNames"/>).</summary>
    public static IReadOnlyList<NoticeSummary> ForConsultation(ConsultationRound round, IReadOnlyDictionary<string, string> recipientNames, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(recipientNames);
        if (round.Status != ConsultationStatus.Open || round.RecipientsStillDue.Count == 0)
        {
            return [];
        }

        string[] due = [.. round.RecipientsStillDue.Select(id => recipientNames.GetValueOrDefault(id) ?? id)];
        return [.. ConsultationReminders(round.OpenedAt, round.Deadline, calendar).Select(at => new NoticeSummary(NoticeKind.ConsultationReminder, at, due))];
    }

    /// <summary>
    /// An open round's reminders to the members who have not voted, and at its deadline the notice to the
    /// secretary and the office that it passed without a decision.
    /// </summary>
    public static IReadOnlyList<NoticeSummary> ForVote(VoteRound round, Organisation organisation, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(organisation);
        if (round.Status != VoteRoundStatus.Open)
        {
            return [];
        }

        string[] due = [.. round.MembersStillDue.Select(m => m.FullName)];
        List<NoticeSummary> plan = [.. VoteReminders(round.OpenedAt, round.Deadline, calendar)
            .Select(at => new NoticeSummary(NoticeKind.VoteReminder, at, due))];
        plan.Add(new NoticeSummary(NoticeKind.VoteDeadlinePassed, round.Deadline,
            [.. round.Members.Where(m => m.Role == CommitteeRole.Secretary).Select(m => m.FullName), .. OfficeName(organisation)]));
        return plan;
    }

    /// <summary>An unanswered filing's reminders to the upper level's office (its secretary when it has no office mailbox).</summary>
    public static IReadOnlyList<NoticeSummary> ForFiling(Filing filing, Organisation upperLevel, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(upperLevel);
        string[] to = [OfficeName(upperLevel).FirstOrDefault() ?? upperLevel.Committee.Secretary.FullName];
        return [.. FilingReminders(filing, calendar).Select(at => new NoticeSummary(NoticeKind.FilingReminder, at, to))];
    }

    /// <summary>
    /// A review's notices: reminders to the committee and the office, overdue notices to the secretary and the office,
    /// then to the upper level's office (left out when there is none to tell).
    /// </summary>
    public static IReadOnlyList<NoticeSummary> ForReview(
        ReviewSchedule schedule, DateOnly due, Organisation organisation, Organisation? upperLevel, PublicHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        string[] office = [.. OfficeName(organisation)];
        string[] reminded = [.. organisation.Committee.Members.Select(m => m.FullName), .. office];
        string[] overdue = [organisation.Committee.Secretary.FullName, .. office];
        string[] upper = upperLevel is null ? [] : [.. OfficeName(upperLevel)];
        return [.. ReviewNotices(schedule, due, calendar)
            .Select(slot => new NoticeSummary(slot.Kind, slot.At, slot.Kind switch
            {
                NoticeKind.ReviewReminder => reminded,
                NoticeKind.ReviewOverdueToOrganisation => overdue,
                _ => upper,
            }))
            .Where(n => n.To.Count > 0)];
    }

    // The office's name as the notices address it (LifecycleFacts.Office), when it has a mailbox.
    private static IEnumerable<string> OfficeName(Organisation organisation) =>
        LifecycleFacts.Office(organisation)?.Name is { } name ? [name] : [];
}
