using Microsoft.DurableTask;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// One periodic review: reminders with the meeting invitation 14 and 3 days before and on the due day at 08:00
/// Vietnam time, then overdue notices to the organisation and to its upper level per the escalation policy.
/// Ends when the review is recorded or stops being the one due (the regulation was superseded, repealed, or
/// re-issued with another due date); the next cycle is started by the command that recorded it, or by the
/// reconciler.
/// <para>
/// From <see cref="LifecycleOrchestrations.ReviewCycleVersion"/> on, a cycle that starts after some of its
/// instants (a regulation issued with an earlier date, a cycle started again by the reconciler) sends at once the
/// latest notice it missed: the latest reminder while the review is not yet overdue, otherwise the latest overdue
/// notice of each audience. It keeps the notice's own slot, so one that an earlier instance sent is not sent again.
/// </para>
/// </summary>
public sealed class ReviewCycleOrchestrator : TaskOrchestrator<LifecycleInstanceInput, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = await context.CallActivityAsync<ReviewCycleView>(nameof(ReadReviewCycleActivity), input);
        if (view.IsCurrent && context.Version == LifecycleOrchestrations.ReviewCycleVersion)
        {
            foreach (var missed in Missed(view.Notices, LifecycleWaits.Now(context)))
            {
                await context.CallActivityAsync<int>(nameof(SendReviewNoticesActivity), new NoticeRequest(input, missed.Kind, missed.At));
            }
        }

        while (view.IsCurrent)
        {
            var now = LifecycleWaits.Now(context);
            var next = LifecycleWaits.Next(view.Notices.Select(n => n.At), now);
            bool changed = await LifecycleWaits.UntilOrChangedAsync(context, next, next is null ? "recorded review" : "review notice");
            view = await context.CallActivityAsync<ReviewCycleView>(nameof(ReadReviewCycleActivity), input);
            if (!changed && view.IsCurrent && next is { } at)
            {
                foreach (var notice in view.Notices.Where(n => n.At == at))
                {
                    await context.CallActivityAsync<int>(nameof(SendReviewNoticesActivity), new NoticeRequest(input, notice.Kind, at));
                }
            }
        }

        return true;
    }

    /// <summary>The notices already due at <paramref name="now"/> that a cycle starting now still owes.</summary>
    public static IReadOnlyList<ReviewNoticeSlot> Missed(IReadOnlyList<ReviewNoticeSlot> notices, DateTimeOffset now)
    {
        var past = notices.Where(n => n.At <= now).ToList();
        var overdue = past.Where(n => n.Kind != NoticeKind.ReviewReminder).ToList();
        return overdue.Count > 0
            ? [.. overdue.GroupBy(n => n.Kind).Select(g => g.MaxBy(n => n.At)!).OrderBy(n => n.At)]
            : [.. past.OrderBy(n => n.At).TakeLast(1)];
    }
}
