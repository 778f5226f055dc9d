using QuyCheWorkflow.Domain.Voting;
using Microsoft.DurableTask;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// One standing-committee vote round: vote requests with personal links, reminders to members who have not
/// voted, the result to every member once decided. At a deadline without a decision it tells the secretary and
/// the office, then waits: an extension re-arms the reminders and the new deadline, an in-person result ends it.
/// From version 2 on, a member who replaced another during the round gets the vote request when the round is woken;
/// from version 3 on, when the deadline moves (an extension, or an expired round reopened) the members who have not
/// voted are told at once, with links valid until the new deadline.
/// </summary>
public sealed class VoteRoundOrchestrator : TaskOrchestrator<LifecycleInstanceInput, VoteRoundStatus>
{
    public override async Task<VoteRoundStatus> RunAsync(TaskOrchestrationContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = await context.CallActivityAsync<VoteRoundView>(nameof(ReadVoteRoundActivity), input);
        if (view.Status == VoteRoundStatus.Open)
        {
            await context.CallActivityAsync<int>(nameof(SendVoteNoticesActivity), new NoticeRequest(input, NoticeKind.VoteRequest, view.OpenedAt));
        }

        while (view.Status is VoteRoundStatus.Open or VoteRoundStatus.ExpiredUndecided)
        {
            if (view.Status == VoteRoundStatus.ExpiredUndecided)
            {
                await context.CallActivityAsync<int>(nameof(SendVoteNoticesActivity), new NoticeRequest(input, NoticeKind.VoteDeadlinePassed, view.Deadline));
                await LifecycleWaits.UntilOrChangedAsync(context, null, "extension or in-person result");
                view = await context.CallActivityAsync<VoteRoundView>(nameof(ReadVoteRoundActivity), input);
                if (view.Status == VoteRoundStatus.Open && LifecycleOrchestrations.IsAtLeast(context.Version, 3))
                {
                    await TellNewDeadlineAsync(context, input);
                }

                continue;
            }

            var reminder = LifecycleWaits.Next(view.Reminders, LifecycleWaits.Now(context));
            var wakeAt = reminder is { } r && r < view.Deadline ? r : view.Deadline;
            bool changed = await LifecycleWaits.UntilOrChangedAsync(context, wakeAt, wakeAt == view.Deadline ? "deadline" : "reminder");
            if (!changed && wakeAt == view.Deadline)
            {
                view = await context.CallActivityAsync<VoteRoundView>(nameof(ExpireVoteRoundActivity), input);
                continue;
            }

            var deadlineBefore = view.Deadline;
            view = await context.CallActivityAsync<VoteRoundView>(nameof(ReadVoteRoundActivity), input);
            if (!changed && view.Status == VoteRoundStatus.Open)
            {
                await context.CallActivityAsync<int>(nameof(SendVoteNoticesActivity), new NoticeRequest(input, NoticeKind.VoteReminder, wakeAt));
            }
            else if (changed && view.Status == VoteRoundStatus.Open && LifecycleOrchestrations.IsAtLeast(context.Version, 2))
            {
                // A member who took a seat since the requests went out gets one; the others already have theirs
                // (once per member and instant).
                await context.CallActivityAsync<int>(nameof(SendVoteNoticesActivity), new NoticeRequest(input, NoticeKind.VoteRequest, view.OpenedAt));
                if (view.Deadline != deadlineBefore && LifecycleOrchestrations.IsAtLeast(context.Version, 3))
                {
                    await TellNewDeadlineAsync(context, input);
                }
            }
        }

        await context.CallActivityAsync<int>(nameof(SendVoteNoticesActivity), new NoticeRequest(input, NoticeKind.VoteResult, view.Deadline));
        return view.Status;
    }

    /// <summary>
    /// A reminder, now, to the members who have not voted: it carries the new deadline and a link valid until it.
    /// Its instant is this episode's, so a replay or a retried activity sends it once.
    /// </summary>
    private static Task<int> TellNewDeadlineAsync(TaskOrchestrationContext context, LifecycleInstanceInput input) =>
        context.CallActivityAsync<int>(nameof(SendVoteNoticesActivity), new NoticeRequest(input, NoticeKind.VoteReminder, LifecycleWaits.Now(context)));
}
