using QuyCheWorkflow.Durable;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>
/// One periodic review: reminders with the meeting invitation 14 and 3 days before and on the due day at 08:00
/// Vietnam time, then overdue notices to the organisation and to its upper level per the escalation policy.
/// Ends when the review is recorded or stops being the one due (the regulation was superseded, repealed, or
/// re-issued with another due date); the next cycle is started by the command that recorded it, or by the
/// reconciler.
/// </summary>
public sealed class ReviewCycleOrchestrator : TaskOrchestrator<LifecycleInstanceInput, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, LifecycleInstanceInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = await context.CallActivityAsync<ReviewCycleView>(nameof(ReadReviewCycleActivity), input);
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
}
