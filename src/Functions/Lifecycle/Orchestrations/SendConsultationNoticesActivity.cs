using QuyCheWorkflow.Domain.Consultations;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// Invitations (to every recipient) or reminders (to those who have not answered), each with the recipient's
/// personal link, once per recipient and instant.
/// </summary>
public sealed class SendConsultationNoticesActivity(LifecycleFacts facts, LifecycleNotifier notifier, LinkBuilder links)
    : TaskActivity<NoticeRequest, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, NoticeRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = context.CancellationToken;
        var input = request.Subject;
        var round = ConsultationRound.FromState((await facts.Stores.Consultations.GetRoundAsync(input.RegulationId, input.SubjectId, cancellationToken))?.Value
            ?? throw new LifecycleNotFoundException($"Consultation round '{input.SubjectId}' does not exist."));
        var organisation = await facts.OrganisationAsync(input.OrganisationId, cancellationToken);
        var regulation = await facts.RegulationAsync(input, cancellationToken);
        var draft = LifecycleFacts.DraftOf(regulation, round.Id, round.DraftVersion);
        var contacts = await facts.Stores.Recipients.ListAsync(input.RegulationId, round.Id, cancellationToken);
        IEnumerable<string> due = request.Kind == NoticeKind.ConsultationInvitation ? round.Recipients : round.RecipientsStillDue;
        int sent = 0;
        foreach (var contact in contacts.Where(c => due.Contains(c.RecipientId)))
        {
            string noticeId = LifecycleNotifier.NoticeId(request.Kind, round.Id, contact.RecipientId, request.ScheduledFor);
            bool mailed = await notifier.SendOnceAsync(input.RegulationId, request.Kind, noticeId, request.ScheduledFor, id =>
            {
                var link = links.Create(new LinkClaims(
                    input.RegulationId, round.Id, contact.RecipientId, LinkAction.Consultation, draft.ContentHash.ToString(), round.Deadline.AddDays(1)));
                ConsultationNotice notice = new(id, new MailRecipient(contact.Email, contact.Name), organisation.Name, regulation.Title,
                    "lần " + round.DraftVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), round.Deadline, link)
                {
                    CommitteeName = organisation.CommitteeName,
                };
                return request.Kind == NoticeKind.ConsultationInvitation
                    ? NotificationTemplates.ConsultationInvitation(notice)
                    : NotificationTemplates.ConsultationReminder(notice);
            }, cancellationToken);
            sent += mailed ? 1 : 0;
        }

        await facts.NoticesSentAsync(input, sent, cancellationToken);
        return sent;
    }
}
