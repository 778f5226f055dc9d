using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Filings;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// The filing notice and its reminders to the upper level's office (with the acknowledgement link), and a
/// return's reasons to the organisation's office, once per instant.
/// </summary>
public sealed class SendFilingNoticesActivity(LifecycleFacts facts, LifecycleNotifier notifier, LinkBuilder links)
    : TaskActivity<NoticeRequest, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, NoticeRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = context.CancellationToken;
        var input = request.Subject;
        var filing = Filing.FromState((await facts.Stores.Filings.GetAsync(input.RegulationId, input.SubjectId, cancellationToken))?.Value
            ?? throw new LifecycleNotFoundException($"Filing '{input.SubjectId}' does not exist."));
        var organisation = await facts.OrganisationAsync(input.OrganisationId, cancellationToken);
        var upperLevel = await facts.OrganisationAsync(filing.UpperLevelOrganisationId, cancellationToken);
        var regulation = await facts.RegulationAsync(input, cancellationToken);
        var issuance = LifecycleFacts.IssuanceOf(regulation, filing.DocumentSymbol);
        var to = request.Kind == NoticeKind.FilingReturned
            ? LifecycleFacts.Office(organisation) ?? Secretary(organisation)
            : LifecycleFacts.Office(upperLevel) ?? Secretary(upperLevel);
        var scheduledFor = request.Kind == NoticeKind.FilingReturned ? filing.RespondedAt ?? request.ScheduledFor : request.ScheduledFor;
        string noticeId = LifecycleNotifier.NoticeId(request.Kind, filing.Id, request.Kind == NoticeKind.FilingReturned ? organisation.Id : upperLevel.Id, scheduledFor);
        bool mailed = await notifier.SendOnceAsync(input.RegulationId, request.Kind, noticeId, scheduledFor, id =>
        {
            if (request.Kind == NoticeKind.FilingReturned)
            {
                return NotificationTemplates.FilingReturned(new FilingReturnedNotice(
                    id, to, organisation.Name, upperLevel.Name, regulation.Title, filing.DocumentSymbol, string.Join("; ", filing.ReturnReasons), scheduledFor)
                {
                    UpperLevelCommitteeName = upperLevel.CommitteeName,
                });
            }

            var link = links.Create(input.RegulationId, filing.Id, upperLevel.Id, LinkAction.FilingAcknowledgement, issuance.FinalDocumentHash.ToString());
            FilingNotice notice = new(id, to, upperLevel.Name, organisation.Name, regulation.Title, filing.DocumentSymbol,
                VietnamTime.ToInstant(issuance.IssueDate, VietnamTime.MorningReminderTime), filing.SentAt, link)
            {
                CommitteeName = organisation.CommitteeName,
                UpperLevelCommitteeName = upperLevel.CommitteeName,
            };
            return request.Kind == NoticeKind.FilingSubmitted ? NotificationTemplates.FilingSubmitted(notice) : NotificationTemplates.FilingReminder(notice);
        }, cancellationToken);
        await facts.NoticesSentAsync(input, mailed ? 1 : 0, cancellationToken);
        return mailed ? 1 : 0;
    }

    private static MailRecipient Secretary(QuyCheWorkflow.Domain.Organisations.Organisation organisation) =>
        new(organisation.Committee.Secretary.Email, organisation.Committee.Secretary.FullName);
}
