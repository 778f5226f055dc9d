using System.Globalization;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Voting;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// Vote requests and reminders (with each member's personal link), the result (to every member and the office),
/// and the deadline-without-decision notice (to the secretary and the office), once per recipient and instant.
/// </summary>
public sealed class SendVoteNoticesActivity(LifecycleFacts facts, LifecycleNotifier notifier, LinkBuilder links)
    : TaskActivity<NoticeRequest, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, NoticeRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = context.CancellationToken;
        var input = request.Subject;
        var round = VoteRound.FromState((await facts.Stores.Votes.GetAsync(input.RegulationId, input.SubjectId, cancellationToken))?.Value
            ?? throw new LifecycleNotFoundException($"Vote round '{input.SubjectId}' does not exist."));
        var organisation = await facts.OrganisationAsync(input.OrganisationId, cancellationToken);
        var regulation = await facts.RegulationAsync(input, cancellationToken);
        var draft = LifecycleFacts.DraftOf(regulation, round.Id, round.DraftVersion);
        string version = "lần " + round.DraftVersion.ToString(CultureInfo.InvariantCulture);
        var tally = round.Tally;
        var office = LifecycleFacts.Office(organisation);

        List<(string Key, MailRecipient To, CommitteeMember? Member)> recipients = request.Kind switch
        {
            NoticeKind.VoteRequest => [.. round.Members.Select(m => (m.MemberId, Member(m), (CommitteeMember?)m))],
            NoticeKind.VoteReminder => [.. round.MembersStillDue.Select(m => (m.MemberId, Member(m), (CommitteeMember?)m))],
            NoticeKind.VoteResult => [.. round.Members.Select(m => (m.MemberId, Member(m), (CommitteeMember?)null)), .. OfficeOnly(office)],
            NoticeKind.VoteDeadlinePassed => [.. round.Members.Where(m => m.Role == CommitteeRole.Secretary).Select(m => (m.MemberId, Member(m), (CommitteeMember?)null)), .. OfficeOnly(office)],
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, null),
        };

        // The result and the expiry are told once per decision or deadline, whatever instant the orchestration passed.
        var scheduledFor = request.Kind switch
        {
            NoticeKind.VoteResult => round.DecidedAt ?? request.ScheduledFor,
            NoticeKind.VoteDeadlinePassed => round.Deadline,
            _ => request.ScheduledFor,
        };

        int sent = 0;
        foreach (var (key, to, member) in recipients)
        {
            string noticeId = LifecycleNotifier.NoticeId(request.Kind, round.Id, key, scheduledFor);
            bool mailed = await notifier.SendOnceAsync(input.RegulationId, request.Kind, noticeId, scheduledFor, id => request.Kind switch
            {
                NoticeKind.VoteRequest or NoticeKind.VoteReminder => Compose(request.Kind, new VoteNotice(id, to, organisation.Name, regulation.Title, version, round.Deadline,
                    links.Create(new LinkClaims(input.RegulationId, round.Id, member!.MemberId, LinkAction.Vote, draft.ContentHash.ToString(), round.Deadline + LinkBuilder.VoteLinkGrace)))
                {
                    CommitteeName = organisation.CommitteeName,
                }),
                NoticeKind.VoteResult => NotificationTemplates.VoteResult(new VoteResultNotice(
                    id, to, organisation.Name, regulation.Title, version, round.Status == VoteRoundStatus.Passed, tally, round.DecidedAt ?? scheduledFor, round.FailureReasons)
                {
                    CommitteeName = organisation.CommitteeName,
                }),
                _ => NotificationTemplates.VoteDeadlineWithoutDecision(new VoteDeadlineNotice(id, to, organisation.Name, regulation.Title, version, round.Deadline, tally)
                {
                    CommitteeName = organisation.CommitteeName,
                }),
            }, cancellationToken);
            sent += mailed ? 1 : 0;
        }

        await facts.NoticesSentAsync(input, sent, cancellationToken);
        return sent;
    }

    private static MailRecipient Member(CommitteeMember member) => new(member.Email, member.FullName);

    private static IEnumerable<(string, MailRecipient, CommitteeMember?)> OfficeOnly(MailRecipient? office) =>
        office is null ? [] : [("office", office, null)];

    private static OutgoingMail Compose(NoticeKind kind, VoteNotice notice) =>
        kind == NoticeKind.VoteRequest ? NotificationTemplates.VoteRequest(notice) : NotificationTemplates.VoteReminder(notice);
}
