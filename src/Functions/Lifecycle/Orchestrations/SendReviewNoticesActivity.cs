using QuyCheWorkflow.Domain.Calendar;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// Review reminders with the meeting invitation (.ics) to the committee and the office, and overdue notices to
/// the organisation (office and secretary) or to its upper level's office, once per recipient and instant.
/// </summary>
public sealed class SendReviewNoticesActivity(LifecycleFacts facts, LifecycleNotifier notifier, TimeProvider timeProvider)
    : TaskActivity<NoticeRequest, int>
{
    /// <summary>The meeting the invitation proposes on the due day, Vietnam time.</summary>
    public static readonly TimeOnly MeetingStart = new(14, 0);

    public static readonly TimeOnly MeetingEnd = new(16, 0);

    public override async Task<int> RunAsync(TaskActivityContext context, NoticeRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = context.CancellationToken;
        var input = request.Subject;
        var organisation = await facts.OrganisationAsync(input.OrganisationId, cancellationToken);
        var regulation = await facts.RegulationAsync(input, cancellationToken);
        if (regulation.NextReviewDue is not { } due || regulation.CurrentIssuance is not { } issuance)
        {
            return 0;
        }

        var upperLevel = organisation.ParentId is { } parentId ? await facts.OrganisationAsync(parentId, cancellationToken) : null;
        var office = LifecycleFacts.Office(organisation);
        var secretary = organisation.Committee.Secretary;
        List<(string Key, MailRecipient To)> recipients = request.Kind switch
        {
            NoticeKind.ReviewReminder => [.. organisation.Committee.Members.Select(m => (m.MemberId, new MailRecipient(m.Email, m.FullName))), .. Keyed("office", office)],
            NoticeKind.ReviewOverdueToOrganisation => [(secretary.MemberId, new MailRecipient(secretary.Email, secretary.FullName)), .. Keyed("office", office)],
            NoticeKind.ReviewOverdueToUpperLevel => upperLevel is null ? [] : [.. Keyed(upperLevel.Id, LifecycleFacts.Office(upperLevel))],
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, null),
        };

        // Counted from today when the notice goes out later than its slot (a cycle that started after it, or an
        // engine that was down at the time), so the text says how many days are really left.
        var sentAt = timeProvider.GetUtcNow();
        int daysBefore = due.DayNumber - VietnamTime.DateOf(sentAt > request.ScheduledFor ? sentAt : request.ScheduledFor).DayNumber;
        var organizer = office ?? new MailRecipient(secretary.Email, secretary.FullName);
        int sent = 0;
        foreach (var (key, to) in recipients)
        {
            string noticeId = LifecycleNotifier.NoticeId(request.Kind, input.SubjectId, key, request.ScheduledFor);
            bool mailed = await notifier.SendOnceAsync(input.RegulationId, request.Kind, noticeId, request.ScheduledFor, id => request.Kind == NoticeKind.ReviewReminder
                ? NotificationTemplates.ReviewReminder(new ReviewReminderNotice(
                    id, to, organisation.Name, regulation.Title, issuance.Number.Symbol, input.SubjectId, Math.Max(0, daysBefore),
                    VietnamTime.ToInstant(due, MeetingStart), VietnamTime.ToInstant(due, MeetingEnd), organizer, timeProvider.GetUtcNow())
                {
                    CommitteeName = organisation.CommitteeName,
                })
                : NotificationTemplates.ReviewOverdue(new OverdueReviewNotice(
                    id, to,
                    request.Kind == NoticeKind.ReviewOverdueToOrganisation ? OverdueReviewAudience.Organisation : OverdueReviewAudience.UpperLevel,
                    organisation.Name, upperLevel?.Name ?? string.Empty, regulation.Title, issuance.Number.Symbol,
                    VietnamTime.ToInstant(due, VietnamTime.MorningReminderTime), Math.Max(1, -daysBefore))), cancellationToken);
            sent += mailed ? 1 : 0;
        }

        // The status row says the upper level was told (an overdue notice to it) only from now on.
        await facts.NoticesSentAsync(input, sent, cancellationToken);
        return sent;
    }

    private static IEnumerable<(string, MailRecipient)> Keyed(string key, MailRecipient? to) => to is null ? [] : [(key, to)];
}
